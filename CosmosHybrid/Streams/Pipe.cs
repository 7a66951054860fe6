using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Streams;

/// <summary>
/// A kernel pipe: a <see cref="PipeBuffer"/> with waiting readers and writers. Its two ends
/// are separate objects (<see cref="PipeReadEnd"/>, <see cref="PipeWriteEnd"/>), so each can
/// be passed, duplicated and closed on its own; when the last handle of an end closes (by
/// HandleClose or because its process ended), the other side is woken: readers see the end
/// of the file, writers get PeerClosed. Everything runs with interrupts off (the single CPU's lock).
/// </summary>
internal sealed class Pipe
{
    /// <summary>Bytes a pipe holds before a writer waits.</summary>
    public const int Capacity = 4096;

    private readonly PipeBuffer _buffer = new PipeBuffer(Capacity);
    private WaitingThreads _readers;
    private WaitingThreads _writers;

    public Pipe()
    {
        ReadEnd = new PipeReadEnd(this);
        WriteEnd = new PipeWriteEnd(this);
    }

    public PipeReadEnd ReadEnd { get; }

    public PipeWriteEnd WriteEnd { get; }

    public SyscallError Read(Span<byte> destination, bool wait, out int count)
    {
        using (InterruptsOff.Enter())
        {
            while (true)
            {
                PipeStatus status = _buffer.Read(destination, out count);
                if (status == PipeStatus.Moved)
                {
                    _writers.WakeAll();
                    return SyscallError.None;
                }
                if (status == PipeStatus.EndOfFile || !wait)
                    return SyscallError.None;
                _readers.Wait();
            }
        }
    }

    public SyscallError Write(ReadOnlySpan<byte> source, out int written)
    {
        written = 0;
        using (InterruptsOff.Enter())
        {
            while (true)
            {
                PipeStatus status = _buffer.Write(source.Slice(written), out int count);
                if (status == PipeStatus.NoReader)
                    return SyscallError.PeerClosed;
                if (count > 0)
                {
                    written += count;
                    _readers.WakeAll();
                }
                if (written == source.Length)
                    return SyscallError.None;
                if (status == PipeStatus.WouldBlock)
                    _writers.Wait();
            }
        }
    }

    public void CloseReadEnd()
    {
        using (InterruptsOff.Enter())
        {
            _buffer.CloseReadEnd();
            _writers.WakeAll();
        }
    }

    public void CloseWriteEnd()
    {
        using (InterruptsOff.Enter())
        {
            _buffer.CloseWriteEnd();
            _readers.WakeAll();
        }
    }
}
