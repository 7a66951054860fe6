namespace System.Runtime.CompilerServices;

public static class RuntimeHelpers
{
    [Intrinsic]
    public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

    [Intrinsic]
    public static extern bool IsReferenceOrContainsReferences<T>();

    public static int OffsetToStringData => 12;

    /// <summary>A copy of part of an array: what <c>array[a..b]</c> compiles to.</summary>
    public static T[] GetSubArray<T>(T[] array, Range range)
    {
        ArgumentNullException.ThrowIfNull(array);
        (int offset, int length) = range.GetOffsetAndLength(array.Length);
        if (length == 0)
            return Array.Empty<T>();
        T[] result = new T[length];
        new ReadOnlySpan<T>(array, offset, length).CopyTo(result);
        return result;
    }

    /// <summary>Compiler-generated record code calls this; the kernel stack is not checked.</summary>
    public static void EnsureSufficientExecutionStack() { }
}
