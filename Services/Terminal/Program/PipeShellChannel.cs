using System;
using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;
using CosmosHybrid.Services.Terminal.Session;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Terminal.Program;

/// <summary>
/// The shell's standard I/O over two kernel pipes. StreamRead always waits, and the main
/// thread waits on the window's event port, so a reader thread waits on the output pipe:
/// it reads a batch into its buffer, sets <see cref="TerminalSession.OutputReadyBit"/> on the
/// event port and sleeps on a port of its own until the main thread has taken the batch
/// (a hand-off, so neither side spins and no lock is needed).
/// </summary>
internal sealed unsafe class PipeShellChannel : IShellChannel
{
    private const int BufferBytes = 64 * 1024;

    // The reader thread's entry takes one number; the channel is found here.
    private static PipeShellChannel s_reader;

    private readonly IMessagePorts _ports;
    private readonly long _output;
    private readonly long _input;
    private readonly long _eventPort;
    private readonly long _taken;
    private readonly byte[] _buffer = new byte[BufferBytes];

    // Bytes of the batch in _buffer (set by the reader), 0 when the main thread has it all, -1 at the end.
    private long _ready;
    private int _consumed;

    private PipeShellChannel(IMessagePorts ports, long output, long input, long eventPort, long taken)
    {
        _ports = ports;
        _output = output;
        _input = input;
        _eventPort = eventPort;
        _taken = taken;
    }

    /// <summary>
    /// Starts reading <paramref name="output"/> (the read end of the shell's output pipe) on a
    /// thread that wakes <paramref name="eventPort"/>; <paramref name="input"/> is the write end
    /// of the shell's input pipe. Returns a negative error when the thread or its port cannot be made.
    /// </summary>
    public static long Start(IMessagePorts ports, long output, long input, long eventPort, out PipeShellChannel channel)
    {
        channel = null;
        long taken = ports.CreatePort();
        if (taken < 0)
            return taken;
        var created = new PipeShellChannel(ports, output, input, eventPort, taken);
        s_reader = created;
        long thread = UserThread.Start(&ReaderMain, 0);
        if (thread < 0)
        {
            ports.Close(taken);
            return thread;
        }
        channel = created;
        return 0;
    }

    public int ReadOutput(Span<byte> destination)
    {
        long ready = Interlocked.CompareExchange(ref _ready, 0, 0);
        if (ready < 0)
            return -1;
        if (ready == 0)
            return 0;
        int count = (int)ready - _consumed;
        if (count > destination.Length)
            count = destination.Length;
        new ReadOnlySpan<byte>(_buffer, _consumed, count).CopyTo(destination);
        _consumed += count;
        if (_consumed == ready)
        {
            _consumed = 0;
            Interlocked.Exchange(ref _ready, 0);
            _ports.Notify(_taken, 1);
        }
        return count;
    }

    public bool WriteInput(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* data = bytes)
            return StreamCalls.Write(_input, data, bytes.Length) >= 0;
    }

    private static void ReaderMain(ulong unused)
    {
        PipeShellChannel channel = s_reader;
        var message = default(IpcMessage);
        while (true)
        {
            long count = StreamCalls.Read(channel._output, channel._buffer, 0, BufferBytes);
            Interlocked.Exchange(ref channel._ready, count > 0 ? count : -1);
            channel._ports.Notify(channel._eventPort, TerminalSession.OutputReadyBit);
            if (count <= 0)
                return;
            if (channel._ports.Receive(channel._taken, ref message, -1) < 0)
                return;
        }
    }
}
