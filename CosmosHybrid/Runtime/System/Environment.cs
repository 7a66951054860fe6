namespace System;

/// <summary>Facts about the environment the program runs in.</summary>
public static class Environment
{
    /// <summary>The line terminator: "\n", as on Linux.</summary>
    public const string NewLine = "\n";

    /// <summary>
    /// The managed thread id. There are no managed threads yet, so it is always 1.
    /// (Compiler-generated iterators read it to decide whether they may reuse themselves.)
    /// </summary>
    public static int CurrentManagedThreadId => 1;
}
