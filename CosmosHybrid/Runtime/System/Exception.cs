namespace System;

/// <summary>
/// Base of all exceptions. The dispatcher (Internal/ExceptionHandling) records the
/// frames an exception passes through; <see cref="StackTrace"/> names them.
/// </summary>
public class Exception
{
    private const int MaxStackFrames = 64;

    private readonly string _message;
    private ulong[] _stackFrames;
    private int _stackFrameCount;
    private bool _stackTraceReserved;

    public Exception() { }

    public Exception(string message) { _message = message; }

    public Exception(string message, Exception innerException)
    {
        _message = message;
        InnerException = innerException;
    }

    public virtual string Message => _message ?? "Exception of type '" + GetType().Name + "' was thrown.";

    public Exception InnerException { get; }

    /// <summary>"   at Method" lines, innermost first, for the frames the exception has left; null before it is thrown.</summary>
    public virtual string StackTrace
    {
        get
        {
            if (_stackFrameCount == 0)
                return null;
            var text = new Text.StringBuilder();
            for (int i = 0; i < _stackFrameCount; i++)
            {
                if (i > 0)
                    text.Append(Environment.NewLine);
                text.Append("   at ");
                text.Append(Internal.Runtime.RuntimeHost.DescribeCode(_stackFrames[i]));
            }
            return text.ToString();
        }
    }

    public override string ToString()
    {
        string text = GetType().ToString() + ": " + Message;
        if (InnerException != null)
            text = text + " ---> " + InnerException.ToString() + Environment.NewLine + "   --- End of inner exception stack trace ---";
        string trace = StackTrace;
        return trace == null ? text : text + Environment.NewLine + trace;
    }

    /// <summary>A new throw starts a new trace; `throw;` keeps adding to the old one, as in .NET.</summary>
    internal void ResetStackTrace() => _stackFrameCount = 0;

    /// <summary>Allocates the whole trace now: the heap's OutOfMemoryException must record frames without allocating.</summary>
    internal void ReserveStackTrace()
    {
        _stackFrames = new ulong[MaxStackFrames];
        _stackTraceReserved = true;
    }

    internal void AppendStackFrame(ulong codeAddress)
    {
        if (_stackFrames == null)
            _stackFrames = new ulong[16];
        if (_stackFrameCount == _stackFrames.Length)
        {
            if (_stackFrameCount >= MaxStackFrames || _stackTraceReserved)
                return;
            ulong[] larger = new ulong[_stackFrameCount * 2];
            for (int i = 0; i < _stackFrameCount; i++)
                larger[i] = _stackFrames[i];
            _stackFrames = larger;
        }
        _stackFrames[_stackFrameCount++] = codeAddress;
    }
}

public class SystemException : Exception
{
    public SystemException() { }
    public SystemException(string message) : base(message) { }
    public SystemException(string message, Exception innerException) : base(message, innerException) { }
}

public class ArgumentException : SystemException
{
    public ArgumentException() : base("Value does not fall within the expected range.") { }
    public ArgumentException(string message) : base(message) { }
    public ArgumentException(string message, string paramName) : base(message) { ParamName = paramName; }
    public string ParamName { get; }

    /// <summary>Throws <see cref="ArgumentNullException"/> for null and <see cref="ArgumentException"/> for "".</summary>
    public static void ThrowIfNullOrEmpty(string argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
    {
        if (argument is null)
            throw new ArgumentNullException(paramName);
        if (argument.Length == 0)
            throw new ArgumentException("The value cannot be an empty string.", paramName);
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> for null and <see cref="ArgumentException"/> for blank text.</summary>
    public static void ThrowIfNullOrWhiteSpace(string argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
    {
        if (argument is null)
            throw new ArgumentNullException(paramName);
        if (string.IsNullOrWhiteSpace(argument))
            throw new ArgumentException("The value cannot be an empty string or composed entirely of whitespace.", paramName);
    }
}

public class ArgumentNullException : ArgumentException
{
    public ArgumentNullException() : base("Value cannot be null.") { }
    public ArgumentNullException(string paramName) : base("Value cannot be null.", paramName) { }
    public ArgumentNullException(string paramName, string message) : base(message, paramName) { }

    /// <summary>Throws when <paramref name="argument"/> is null.</summary>
    public static void ThrowIfNull(object argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
    {
        if (argument is null)
            throw new ArgumentNullException(paramName);
    }
}

public class ArgumentOutOfRangeException : ArgumentException
{
    public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }
    public ArgumentOutOfRangeException(string paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
    public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
}

public class InvalidOperationException : SystemException
{
    public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") { }
    public InvalidOperationException(string message) : base(message) { }
    public InvalidOperationException(string message, Exception innerException) : base(message, innerException) { }
}

public class NotSupportedException : SystemException
{
    public NotSupportedException() : base("Specified method is not supported.") { }
    public NotSupportedException(string message) : base(message) { }
}

public class NotImplementedException : SystemException
{
    public NotImplementedException() : base("The method or operation is not implemented.") { }
    public NotImplementedException(string message) : base(message) { }
}

public class IndexOutOfRangeException : SystemException
{
    public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { }
}

public class NullReferenceException : SystemException
{
    public NullReferenceException() : base("Object reference not set to an instance of an object.") { }
}

public class InvalidCastException : SystemException
{
    public InvalidCastException() : base("Specified cast is not valid.") { }
}

public class ArithmeticException : SystemException
{
    public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") { }
    public ArithmeticException(string message) : base(message) { }
}

public class OverflowException : ArithmeticException
{
    public OverflowException() : base("Arithmetic operation resulted in an overflow.") { }
    public OverflowException(string message) : base(message) { }
}

public class DivideByZeroException : ArithmeticException
{
    public DivideByZeroException() : base("Attempted to divide by zero.") { }
}

public class OutOfMemoryException : SystemException
{
    public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { }
}

public class ArrayTypeMismatchException : SystemException
{
    public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { }
}

public class TypeLoadException : SystemException
{
    public TypeLoadException() : base("A type failed to load.") { }
}

public class PlatformNotSupportedException : NotSupportedException
{
    public PlatformNotSupportedException() : base("Operation is not supported on this platform.") { }
}
