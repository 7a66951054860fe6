namespace System;

/// <summary>The type of methods that return nothing.</summary>
public struct Void
{
}
