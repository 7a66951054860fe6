namespace System.Threading;

/// <summary>An operation that the thread's state does not allow (starting a thread twice).</summary>
public class ThreadStateException : SystemException
{
    public ThreadStateException() : base("Thread is in an invalid state for this operation.") { }
    public ThreadStateException(string message) : base(message) { }
}
