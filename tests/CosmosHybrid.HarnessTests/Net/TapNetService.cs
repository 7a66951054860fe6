using System;
using System.Diagnostics;
using CosmosHybrid.Ring3Host;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.NetStack;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>
/// The net service's socket side on the host: the ring-3 service's own <see cref="SocketServer"/> (the
/// same source file) over <see cref="TapStack"/>'s protocol core, in a Ring3Host process that registers
/// <see cref="NetProtocol.PortName"/>. Programs on other Ring3Host threads reach it through
/// <see cref="NetClient"/> exactly as in the OS. The stack's thread does between frames what
/// NetService's loop does: wakes the waiting sessions after frames or timers, answers the requests
/// that came, and looks for ended sessions once a second. Not run here: the driver link and DHCP (the
/// address is static) and the resolver (addresses only).
/// </summary>
internal sealed unsafe class TapNetService : ISocketServiceHost
{
    private const int RequestBudget = 64;

    private readonly TapStack _stack;
    private readonly HostProcess _process;
    private readonly SocketServer _sockets;
    private readonly long _port;
    private long _framesSeen;
    private long _nextHousekeeping;

    public TapNetService(InProcessKernel kernel, TapStack stack)
    {
        _stack = stack;
        _process = kernel.CreateProcess("net");
        _sockets = new SocketServer(this, _process, 0x5EED);
        _port = _process.CreatePort();
        if (_port <= 0 || _process.Register(NetProtocol.PortName, _port) < 0)
            throw new InvalidOperationException("cannot register '" + NetProtocol.PortName + "'");
        lock (stack.Lock)
        {
            stack.Host.Udp = _sockets;
            stack.Host.Echo = _sockets;
            stack.Application = Serve;
        }
    }

    public NetworkHost Host => _stack.Host;

    public DnsResolver Resolver => null;

    public int OpenSockets => _sockets.OpenSockets;

    public bool OnDhcp(ReadOnlySpan<byte> payload, long now) => false;

    public bool OnDns(Ipv4Address source, ushort sourcePort, ReadOnlySpan<byte> payload, long now) => false;

    public InterfaceInfo Describe()
    {
        InterfaceInfo info = default;
        info.DriverState = 1;
        info.LinkUp = 1;
        info.Mac = Host.Mac.Value;
        info.Address = Host.Configuration.Address.Value;
        info.SubnetMask = Host.Configuration.SubnetMask.Value;
        info.AddressSource = 2;
        info.TcpRetransmits = (ulong)Host.Statistics.TcpRetransmits;
        return info;
    }

    public long MicrosecondsSince(ulong ticks) => (long)((Ticks.Now() - ticks) * 1_000_000 / (ulong)Stopwatch.Frequency);

    // On the stack's thread, under its lock, after its frames and timers.
    private void Serve(long now)
    {
        if (_stack.FramesDelivered != _framesSeen || _stack.TimersDue)
        {
            _framesSeen = _stack.FramesDelivered;
            _sockets.WakeWaiting();
        }
        for (int i = 0; i < RequestBudget; i++)
        {
            var message = default(IpcMessage);
            fixed (byte* copy = _sockets.CopyBuffer)
            {
                message.BufferAddress = (ulong)copy;
                message.BufferLength = (ulong)_sockets.CopyBuffer.Length;
                if (_process.Receive(_port, ref message, 0) < 0)
                    break;
            }
            if (message.Tag != IpcMessage.NotificationTag)
                _sockets.Serve(ref message, now);
        }
        if (now >= _nextHousekeeping)
        {
            _nextHousekeeping = now + 1000;
            _sockets.CheckSessions(now);
        }
    }
}
