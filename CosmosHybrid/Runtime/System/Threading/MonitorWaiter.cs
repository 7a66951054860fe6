namespace System.Threading;

/// <summary>One thread's entry in the <see cref="MonitorWaitQueue"/>; each thread has one, reused by every Wait.</summary>
internal sealed class MonitorWaiter
{
    /// <summary>The object whose monitor the thread waits on; null while it does not wait.</summary>
    public object Target;
    /// <summary>0 while waiting; set to 1 by a pulse (the word the waiter sleeps on).</summary>
    public int Signaled;
    public MonitorWaiter Next;
}
