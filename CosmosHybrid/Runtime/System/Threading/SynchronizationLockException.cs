namespace System.Threading;

/// <summary>A lock operation by a thread that does not hold the lock (Monitor.Exit, Wait, Pulse).</summary>
public class SynchronizationLockException : SystemException
{
    public SynchronizationLockException() : base("Object synchronization method was called from an unsynchronized block of code.") { }
    public SynchronizationLockException(string message) : base(message) { }
}
