namespace System.Threading;

/// <summary>Releasing a semaphore past its maximum count.</summary>
public class SemaphoreFullException : SystemException
{
    public SemaphoreFullException() : base("Adding the specified count to the semaphore would cause it to exceed its maximum count.") { }
    public SemaphoreFullException(string message) : base(message) { }
}
