namespace System;

/// <summary>Whether Split drops empty pieces and trims white space around pieces.</summary>
[Flags]
public enum StringSplitOptions
{
    None = 0,
    RemoveEmptyEntries = 1,
    TrimEntries = 2,
}
