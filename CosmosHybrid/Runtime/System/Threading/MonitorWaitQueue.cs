using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// The threads in Monitor.Wait, of every object, in the order they started waiting: one short
/// list under one lock, so objects need no storage of their own for waiting, and a pulse finds
/// the oldest waiter of its object. (Few threads wait at any time; a pulse walks them.)
/// </summary>
internal static unsafe class MonitorWaitQueue
{
    private static int s_lockState;
    private static int s_lockRecursion;
    private static MonitorWaiter s_first;
    private static MonitorWaiter s_last;

    public static void Add(MonitorWaiter waiter, object target)
    {
        waiter.Target = target;
        waiter.Signaled = 0;
        waiter.Next = null;
        EnterLock();
        if (s_last == null)
            s_first = waiter;
        else
            s_last.Next = waiter;
        s_last = waiter;
        ExitLock();
    }

    /// <summary>Signals the oldest waiter on <paramref name="target"/> (or all of them).</summary>
    public static void Signal(object target, bool all)
    {
        EnterLock();
        MonitorWaiter previous = null;
        MonitorWaiter waiter = s_first;
        while (waiter != null)
        {
            MonitorWaiter next = waiter.Next;
            if (waiter.Target == target)
            {
                Unlink(previous, waiter);
                Volatile.Write(ref waiter.Signaled, 1);
                fixed (int* signaled = &waiter.Signaled)
                    RuntimeHost.WakeAddress(signaled, 1);
                if (!all)
                    break;
            }
            else
            {
                previous = waiter;
            }
            waiter = next;
        }
        ExitLock();
    }

    /// <summary>The waiter stops waiting; true when it was signalled (else it timed out and leaves the queue).</summary>
    public static bool Leave(MonitorWaiter waiter)
    {
        EnterLock();
        bool signaled = waiter.Signaled != 0;
        if (!signaled)
        {
            MonitorWaiter previous = null;
            for (MonitorWaiter node = s_first; node != null; previous = node, node = node.Next)
            {
                if (node == waiter)
                {
                    Unlink(previous, node);
                    break;
                }
            }
        }
        waiter.Target = null;
        ExitLock();
        return signaled;
    }

    private static void Unlink(MonitorWaiter previous, MonitorWaiter waiter)
    {
        if (previous == null)
            s_first = waiter.Next;
        else
            previous.Next = waiter.Next;
        if (s_last == waiter)
            s_last = previous;
        waiter.Next = null;
    }

    private static void EnterLock()
    {
        fixed (int* state = &s_lockState)
        fixed (int* recursion = &s_lockRecursion)
            ThinLock.Enter(state, recursion);
    }

    private static void ExitLock()
    {
        fixed (int* state = &s_lockState)
        fixed (int* recursion = &s_lockRecursion)
            ThinLock.Exit(state, recursion);
    }
}
