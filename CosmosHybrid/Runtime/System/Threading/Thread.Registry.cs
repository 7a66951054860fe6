using Internal.Runtime;

namespace System.Threading;

/// <summary>The live Thread objects, ids, and the count of foreground threads a program's end waits for.</summary>
public sealed unsafe partial class Thread
{
    private static Thread[] s_threads;
    private static int s_registryState;
    private static int s_registryRecursion;
    private static int s_lastId;
    private static int s_foregroundRunning;

    private static int NewId() => Interlocked.Increment(ref s_lastId);

    // A thread the runtime did not start asks for itself: its id first (the registry's lock needs it).
    private static Thread AdoptCurrent()
    {
        nint* data = RuntimeHost.CurrentThreadData();
        if (data[0] == 0)
            data[0] = NewId();
        var thread = new Thread((int)data[0]);
        data[1] = Register(thread) + 1;
        return thread;
    }

    private static int Register(Thread thread)
    {
        EnterRegistry();
        Thread[] threads = s_threads;
        int slot = 0;
        if (threads == null)
        {
            threads = s_threads = new Thread[8];
        }
        else
        {
            while (slot < threads.Length && threads[slot] != null)
                slot++;
            if (slot == threads.Length)
            {
                var larger = new Thread[threads.Length * 2];
                Array.Copy(threads, larger, threads.Length);
                // Readers index without the lock: publish the copy whole.
                threads = larger;
                Volatile.Write(ref s_threads, larger);
            }
        }
        threads[slot] = thread;
        ExitRegistry();
        return slot;
    }

    private static void Unregister(Thread thread)
    {
        EnterRegistry();
        Thread[] threads = s_threads;
        for (int slot = 0; slot < threads.Length; slot++)
        {
            if (threads[slot] == thread)
            {
                threads[slot] = null;
                break;
            }
        }
        ExitRegistry();
    }

    private static int SlotOf(int id)
    {
        EnterRegistry();
        Thread[] threads = s_threads;
        int found = -1;
        for (int slot = 0; slot < threads.Length; slot++)
        {
            if (threads[slot] != null && threads[slot]._id == id)
            {
                found = slot;
                break;
            }
        }
        ExitRegistry();
        return found;
    }

    private static void ForegroundThreadEnded()
    {
        if (Interlocked.Decrement(ref s_foregroundRunning) == 0)
        {
            fixed (int* count = &s_foregroundRunning)
                RuntimeHost.WakeAddress(count, int.MaxValue);
        }
    }

    /// <summary>Called as a ring-3 program's main thread returns: the process ends once no foreground thread runs.</summary>
    internal static void WaitForForegroundThreads()
    {
        fixed (int* count = &s_foregroundRunning)
        {
            int running;
            while ((running = Volatile.Read(ref *count)) != 0)
                RuntimeHost.WaitOnAddress(count, running, Timeout.Infinite);
        }
    }

    private static void EnterRegistry()
    {
        fixed (int* state = &s_registryState)
        fixed (int* recursion = &s_registryRecursion)
            ThinLock.Enter(state, recursion);
    }

    private static void ExitRegistry()
    {
        fixed (int* state = &s_registryState)
        fixed (int* recursion = &s_registryRecursion)
            ThinLock.Exit(state, recursion);
    }
}
