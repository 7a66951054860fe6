namespace System.Runtime.CompilerServices;

public static class RuntimeHelpers
{
    [Intrinsic]
    public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

    [Intrinsic]
    public static extern bool IsReferenceOrContainsReferences<T>();

    public static int OffsetToStringData => 12;
}
