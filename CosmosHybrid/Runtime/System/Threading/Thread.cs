using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// A managed thread, as in .NET: a kernel thread of the process (or, in the kernel, a kernel
/// thread) that runs a delegate. Threads the runtime did not start (the main thread, kernel
/// threads) get their Thread object when they first ask for it. The running thread finds its
/// own through its two runtime words (<see cref="RuntimeHost.CurrentThreadData"/>): its managed
/// id, and its slot in the table of live Thread objects, which also keeps them reachable.
/// A ring-3 program ends when its main thread and every foreground thread have ended.
/// </summary>
public sealed unsafe partial class Thread
{
    private const int Unstarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly Delegate _start;
    private object _parameter;
    private int _state;                 // the word Join waits on
    private readonly int _id;
    private bool _isBackground;
    private bool _countedAsForeground;
    private MonitorWaiter _monitorWaiter;

    /// <summary>This thread's ThreadLocal values, by ThreadLocal index.</summary>
    internal object[] Locals;

    /// <summary>This thread's blocks of [ThreadStatic] fields, by ILC's type index (<see cref="Internal.Runtime.ThreadStatics"/>).</summary>
    internal object[] ThreadStaticBlocks;

    /// <summary>
    /// True while the exception dispatcher's own code runs on this thread (not while it runs a
    /// funclet): an exception raised then comes from the machinery, and ends the program.
    /// </summary>
    internal bool InExceptionDispatch;

    public Thread(ThreadStart start) : this((Delegate)start)
    {
    }

    public Thread(ParameterizedThreadStart start) : this((Delegate)start)
    {
    }

    // Stack sizes are the runtime's choice (as .NET may ignore them too).
    public Thread(ThreadStart start, int maxStackSize) : this((Delegate)start)
    {
    }

    public Thread(ParameterizedThreadStart start, int maxStackSize) : this((Delegate)start)
    {
    }

    private Thread(Delegate start)
    {
        if (start == null)
            throw new ArgumentNullException(nameof(start));
        _start = start;
        _id = NewId();
    }

    // A thread that is running already (adopted by CurrentThread).
    private Thread(int id)
    {
        _id = id;
        _state = Running;
    }

    public int ManagedThreadId => _id;

    public string Name { get; set; }

    public bool IsAlive => Volatile.Read(ref _state) == Running;

    /// <summary>A background thread does not keep its process alive.</summary>
    public bool IsBackground
    {
        get => _isBackground;
        set
        {
            _isBackground = value;
            if (Volatile.Read(ref _state) != Running || _start == null)
                return;
            // Running: move it between the counts the program's end waits on.
            lock (this)
            {
                if (value && _countedAsForeground)
                {
                    _countedAsForeground = false;
                    ForegroundThreadEnded();
                }
                else if (!value && !_countedAsForeground)
                {
                    _countedAsForeground = true;
                    Interlocked.Increment(ref s_foregroundRunning);
                }
            }
        }
    }

    internal MonitorWaiter MonitorWaiter => _monitorWaiter ??= new MonitorWaiter();

    public static Thread CurrentThread
    {
        get
        {
            nint slot = RuntimeHost.CurrentThreadData()[1];
            return slot != 0 ? s_threads[slot - 1] : AdoptCurrent();
        }
    }

    /// <summary>The running thread's managed id, without making its Thread object (once it has an id).</summary>
    internal static int CurrentManagedThreadIdFast
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            int id = (int)RuntimeHost.CurrentThreadData()[0];
            if (id == 0)
                id = AdoptCurrentId();
            return id;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AdoptCurrentId() => AdoptCurrent()._id;

    public void Start()
    {
        if (_start is ParameterizedThreadStart)
            Start(null);
        else
            StartCore(null);
    }

    public void Start(object parameter)
    {
        if (_start is ThreadStart)
            throw new InvalidOperationException("The thread was created with a ThreadStart delegate that does not accept a parameter.");
        StartCore(parameter);
    }

    private void StartCore(object parameter)
    {
        if (_start == null || Interlocked.CompareExchange(ref _state, Running, Unstarted) != Unstarted)
            throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
        _parameter = parameter;
        Register(this);
        lock (this)
        {
            _countedAsForeground = !_isBackground;
            if (_countedAsForeground)
                Interlocked.Increment(ref s_foregroundRunning);
        }
        if (!RuntimeHost.StartThread(&ThreadMain, _id))
        {
            Finish();
            throw new OutOfMemoryException();
        }
    }

    // First managed code of every started thread: find the record by the id it was given.
    private static void ThreadMain()
    {
        nint* data = RuntimeHost.CurrentThreadData();
        int slot = SlotOf((int)data[0]);
        data[1] = slot + 1;
        Thread self = s_threads[slot];
        if (self._start is ThreadStart start)
            start();
        else
            ((ParameterizedThreadStart)self._start)(self._parameter);
        self.Finish();
        data[1] = 0;
    }

    private void Finish()
    {
        _parameter = null;
        // Its thread statics and ThreadLocal values end with it, even while others hold the Thread.
        ThreadStaticBlocks = null;
        Locals = null;
        Unregister(this);
        bool wasForeground;
        lock (this)
        {
            wasForeground = _countedAsForeground;
            _countedAsForeground = false;
        }
        Volatile.Write(ref _state, Stopped);
        fixed (int* state = &_state)
            RuntimeHost.WakeAddress(state, int.MaxValue);
        if (wasForeground)
            ForegroundThreadEnded();
    }

    public void Join() => Join(Timeout.Infinite);

    /// <summary>Waits until the thread has ended, at most <paramref name="millisecondsTimeout"/>; true when it has.</summary>
    public bool Join(int millisecondsTimeout)
    {
        Timeout.Validate(millisecondsTimeout);
        if (Volatile.Read(ref _state) == Unstarted)
            throw new ThreadStateException("Thread has not been started.");
        long deadline = millisecondsTimeout > 0 ? RuntimeHost.MonotonicMilliseconds() + millisecondsTimeout : 0;
        fixed (int* state = &_state)
        {
            while (Volatile.Read(ref *state) == Running)
            {
                int wait = Timeout.Remaining(deadline, millisecondsTimeout);
                if (wait == 0)
                    return false;
                RuntimeHost.WaitOnAddress(state, Running, wait);
            }
        }
        return true;
    }

    public static void Sleep(int millisecondsTimeout)
    {
        Timeout.Validate(millisecondsTimeout);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            while (true)
                RuntimeHost.SleepThread(int.MaxValue);
        }
        RuntimeHost.SleepThread(millisecondsTimeout);
    }

    /// <summary>Lets another ready thread run; true (the scheduler does not say whether one did).</summary>
    public static bool Yield()
    {
        RuntimeHost.SleepThread(0);
        return true;
    }

    /// <summary>Busy-waits about <paramref name="iterations"/> short steps without giving up the processor.</summary>
    public static void SpinWait(int iterations)
    {
        for (int i = 0; i < iterations; i++)
            SpinStep();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SpinStep()
    {
    }
}
