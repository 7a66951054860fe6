using CosmosHybrid.Console.Log;
using Internal.Runtime.GC;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// In-kernel tests (kernel command line <c>selftest</c>). Each test reports through
/// <see cref="Check"/>; the last line, which the host test reads, is
/// "selftest: N passed, M failed".
/// </summary>
internal static class SelfTestRunner
{
    private static int s_passed;
    private static int s_failed;
    private static string s_currentTest;

    public static bool RunAll()
    {
        KernelLog.WriteLine("selftest: starting");
        RuntimeTests.Run();
        MemoryTests.Run();
        AddressSpaceTagTests.Run();
        TimerTests.Run();
        SchedulerTests.Run();
        RunQueueTests.Run();
        ElfLoaderTests.Run();
        IrqBindingTests.Run();
        ConformanceTests.Run();
        GcTests.Run();
        KernelLog.WriteLine("selftest: gc ran " + GarbageCollector.CollectionCount.ToString() + " collections, heap "
            + ((ulong)GCHeap.SegmentBytes / 1024).ToString() + " KiB in segments");
        KernelLog.WriteLine("selftest: " + s_passed.ToString() + " passed, " + s_failed.ToString() + " failed");
        return s_failed == 0;
    }

    public static void Begin(string testName) => s_currentTest = testName;

    /// <summary>Records one assertion of the current test; failures are printed with their description.</summary>
    public static void Check(bool condition, string description)
    {
        if (condition)
        {
            s_passed++;
            return;
        }
        s_failed++;
        KernelLog.WriteLine("selftest: FAIL " + s_currentTest + ": " + description);
    }

    /// <summary>
    /// Frames the kernel heap's segments grew by since <paramref name="segmentBytesBefore"/> (negative when it gave
    /// some back): a test that counts free frames adds them, because the heap may take a segment for the test's
    /// objects and keep it, and which test crosses a segment's end depends on everything allocated before.
    /// </summary>
    public static long HeapFramesSince(long segmentBytesBefore) =>
        ((long)GCHeap.SegmentBytes - segmentBytesBefore) / (long)Memory.Paging.PageTables.PageSize;

    public static void Equal(long expected, long actual, string description) =>
        Check(expected == actual, description + " (expected " + expected.ToString() + ", got " + actual.ToString() + ")");

    public static void Equal(string expected, string actual, string description) =>
        Check(expected == actual, description + " (expected \"" + expected + "\", got \"" + actual + "\")");
}
