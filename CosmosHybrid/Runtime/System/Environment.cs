namespace System;

/// <summary>Facts about the environment the program runs in.</summary>
public static class Environment
{
    /// <summary>The line terminator: "\n", as on Linux.</summary>
    public const string NewLine = "\n";

    /// <summary>
    /// The running thread's managed id (<see cref="Threading.Thread.ManagedThreadId"/>).
    /// (Compiler-generated iterators read it to decide whether they may reuse themselves.)
    /// </summary>
    public static int CurrentManagedThreadId => Threading.Thread.CurrentManagedThreadIdFast;
}
