namespace CosmosHybrid.Console.Log;

/// <summary>
/// The kernel log: what the kernel has to say, one character at a time. Where the text
/// goes is decided in one place, <see cref="KernelLogSinks"/>.
/// </summary>
internal static class KernelLog
{
    public static void Write(char c) => KernelLogSinks.Write(c);

    public static void Write(string text)
    {
        if (text == null)
            return;
        for (int i = 0; i < text.Length; i++)
            KernelLogSinks.Write(text[i]);
    }

    /// <summary>
    /// One line, whole: a thread that may block holds the console's write lock for it, as a ring-3 write
    /// does, so that a program's output cannot land inside the line when the thread is preempted half-way
    /// (or the line inside a program's). With interrupts off (an interrupt or fault handler, a panic), or
    /// from a thread already holding the lock, it goes out as it is.
    /// </summary>
    public static void WriteLine(string text)
    {
        Scheduling.KernelMutex writeLock = SystemConsole.WriteLock;
        bool whole = Scheduling.Scheduler.CurrentMayBlock && !writeLock.IsHeldByCurrentThread;
        if (whole)
            writeLock.Acquire();
        Write(text);
        Write('\n');
        if (whole)
            writeLock.Release();
    }

    /// <summary>"0x" followed by 16 hex digits: the form every address in the log takes.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("x16");
}
