using CosmosHybrid.Memory;
using CosmosHybrid.Memory.Paging;
using CosmosHybrid.Scheduling;
using Internal.Runtime.GC;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>Kernel threads: preemption, sleeping, and that ended threads give their memory back.</summary>
internal static unsafe class SchedulerTests
{
    private static volatile int s_spinnerA;
    private static volatile int s_spinnerB;
    private static volatile bool s_stop;
    private static volatile int s_finished;
    private static ulong s_sleptTicks;

    public static void Run()
    {
        PreemptionSharesTheCpu();
        SleepWaitsAtLeastTheTimeAsked();
        EndedThreadsReturnTheirMemory();
    }

    private static void PreemptionSharesTheCpu()
    {
        Begin("scheduler preemption");
        s_stop = false;
        s_finished = 0;
        Start("spinner-a", &SpinA);
        Start("spinner-b", &SpinB);
        // Neither spinner yields: only timer preemption lets both (and us) run.
        Scheduler.Sleep(60);
        s_stop = true;
        WaitForFinished(2);
        Check(s_spinnerA > 0 && s_spinnerB > 0, "both busy threads ran (" + s_spinnerA.ToString() + ", " + s_spinnerB.ToString() + ")");
    }

    private static void SleepWaitsAtLeastTheTimeAsked()
    {
        Begin("scheduler sleep");
        s_finished = 0;
        Start("sleeper", &Sleeper);
        WaitForFinished(1);
        Check(s_sleptTicks >= 30, "a 30 ms sleep lasted " + s_sleptTicks.ToString() + " ticks");
    }

    private static void EndedThreadsReturnTheirMemory()
    {
        Begin("thread memory");
        Scheduler.Sleep(5);
        // Stacks kept mapped for reuse (KernelStacks) hold frames that are free for the next thread.
        ulong freeBefore = KernelPages.Frames.FreeFrames + KernelStacks.KeptFrames;
        long heapBefore = (long)GCHeap.SegmentBytes;
        for (int round = 0; round < 20; round++)
        {
            s_finished = 0;
            Start("short-lived", &Finish);
            WaitForFinished(1);
        }
        Scheduler.Sleep(5); // the last one is freed after it has switched away
        long heapFrames = HeapFramesSince(heapBefore);
        Equal((long)freeBefore, (long)(KernelPages.Frames.FreeFrames + KernelStacks.KeptFrames) + heapFrames,
            "free frames, plus the heap's growth (" + heapFrames.ToString() + " frames), after 20 threads came and went");
    }

    private static void Start(string name, delegate*<void> entry) =>
        Scheduler.Start(Thread.Create(name, entry, Scheduler.DefaultPriority, AddressSpaceTags.KernelSlot));

    private static void WaitForFinished(int count)
    {
        for (int i = 0; i < 1000 && s_finished < count; i++)
            Scheduler.Sleep(1);
    }

    private static void SpinA()
    {
        while (!s_stop)
            s_spinnerA++;
        s_finished++;
    }

    private static void SpinB()
    {
        while (!s_stop)
            s_spinnerB++;
        s_finished++;
    }

    private static void Sleeper()
    {
        ulong start = SystemClock.Ticks;
        Scheduler.Sleep(30);
        s_sleptTicks = SystemClock.Ticks - start;
        s_finished++;
    }

    private static void Finish() => s_finished++;
}
