using System;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>Implicit throws in compiled code (bounds, null, overflow…) land here; ILC finds them by name.</summary>
internal static class ThrowHelpers
{
    public static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
    public static void ThrowNullReferenceException() => throw new NullReferenceException();
    public static void ThrowDivideByZeroException() => throw new DivideByZeroException();
    public static void ThrowOverflowException() => throw new OverflowException();
    public static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
    public static void ThrowInvalidCastException() => throw new InvalidCastException();
    public static void ThrowTypeLoadException() => throw new TypeLoadException();
    public static void ThrowArgumentException() => throw new ArgumentException();
    public static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
    public static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
    public static void ThrowNotSupportedException() => throw new NotSupportedException();
    public static void ThrowInvalidProgramException(ExceptionStringID id) => throw new InvalidProgramException(id);
    public static void ThrowInvalidProgramExceptionWithArgument(ExceptionStringID id, string methodName) => throw new InvalidProgramException(id, methodName);
    public static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("This code was removed by the compiler.");
}

/// <summary>Why the compiler replaced a method body with a throw (ILC's numbering).</summary>
internal enum ExceptionStringID
{
    ClassLoadGeneral, ClassLoadExplicitGeneric, ClassLoadBadFormat, ClassLoadExplicitLayout, ClassLoadValueClassTooLarge,
    ClassLoadRankTooLarge, ClassLoadInlineArrayFieldCount, ClassLoadInlineArrayLength, ClassLoadInlineArrayExplicit,
    MissingMethod, MissingField, FileLoadErrorGeneric, BadImageFormatGeneric, MarshalDirectiveGeneric,
    InvalidProgramDefault, InvalidProgramSpecific, InvalidProgramVararg, InvalidProgramCallVirtFinalize,
    InvalidProgramUnmanagedCallersOnly, InvalidProgramCallAbstractMethod, InvalidProgramCallVirtStatic,
    InvalidProgramNonStaticMethod, InvalidProgramGenericMethod, InvalidProgramNonBlittableTypes,
    InvalidProgramMultipleCallConv,
}

/// <summary>The compiler found IL it could not compile; the message says which case.</summary>
internal sealed class InvalidProgramException : Exception
{
    public InvalidProgramException(ExceptionStringID id) : base("Invalid program (" + ((int)id).ToString() + ")") { }
    public InvalidProgramException(ExceptionStringID id, string methodName) : base("Invalid program (" + ((int)id).ToString() + "): " + methodName) { }
}
