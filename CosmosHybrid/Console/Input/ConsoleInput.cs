using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Console.Input;

/// <summary>
/// Bytes typed on the console (the serial line; a ring-3 keyboard driver through
/// <see cref="CosmosHybrid.Streams.ConsoleInputStream"/>), queued by the receive interrupt until
/// a reader takes them (the ConsoleRead system call, the boot console). Readers block
/// while the queue is empty.
/// </summary>
internal static unsafe class ConsoleInput
{
    private const int Capacity = 1024;

    /// <summary>Ctrl-D: a stream reader of the console sees the end of the input once (as a terminal's reader does).</summary>
    public const byte EndOfInput = 0x04;

    private static readonly ConsoleInputBuffer s_buffer = new ConsoleInputBuffer(Capacity);
    private static Thread s_waiters;

    public static ulong Dropped => s_buffer.Dropped;

    /// <summary>Called from the interrupt handler with interrupts off.</summary>
    public static void Push(byte value)
    {
        if (!s_buffer.TryPush(value))
            return;
        while (s_waiters != null)
        {
            Thread waiter = s_waiters;
            s_waiters = waiter.WaitNext;
            Scheduler.Wake(waiter);
        }
    }

    /// <summary>Bytes typed through the console input stream (an input driver in ring 3), beside the serial line's.</summary>
    public static void Inject(ReadOnlySpan<byte> bytes)
    {
        using (InterruptsOff.Enter())
        {
            for (int i = 0; i < bytes.Length; i++)
                Push(bytes[i]);
        }
    }

    /// <summary>Waits for at least one byte, then takes up to <paramref name="capacity"/>.</summary>
    public static int Read(byte* destination, int capacity)
    {
        using (InterruptsOff.Enter())
        {
            while (s_buffer.Count == 0)
            {
                Thread self = Scheduler.Current;
                self.WaitNext = s_waiters;
                s_waiters = self;
                Scheduler.Block();
            }
            return s_buffer.Take(new Span<byte>(destination, capacity));
        }
    }

    /// <summary>
    /// For the console as a stream: with <paramref name="wait"/>, waits for a byte; then takes
    /// bytes up to the next Ctrl-D. A Ctrl-D first in line is taken and read as the end (0).
    /// </summary>
    public static int ReadStream(Span<byte> destination, bool wait)
    {
        using (InterruptsOff.Enter())
        {
            while (s_buffer.Count == 0)
            {
                if (!wait)
                    return 0;
                Thread self = Scheduler.Current;
                self.WaitNext = s_waiters;
                s_waiters = self;
                Scheduler.Block();
            }
            if (s_buffer.Peek() == EndOfInput)
            {
                if (!wait)
                    return 0;   // left for the next read, which ends there
                byte endOfInput;
                s_buffer.Take(new Span<byte>(&endOfInput, 1));
                return 0;
            }
            return s_buffer.Take(destination, EndOfInput);
        }
    }
}
