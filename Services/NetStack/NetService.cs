using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.FramePath;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.NetStack;

/// <summary>
/// The net service: one thread that owns the protocol core (<see cref="NetworkHost"/>), the DHCP
/// client, the DNS resolver and the sockets, and waits on one port for everything: the driver's
/// notifications (frames, link), the attach thread's "call ended", and programs' socket requests.
/// It attaches to the NIC driver's port when one is registered (and again after init restarts
/// the driver), runs DHCP, and serves <see cref="NetProtocol.PortName"/>.
/// </summary>
/// <remarks>
/// Arguments (from the manifest or the command line): <c>static=ADDRESS/PREFIX[/GATEWAY]</c>, the
/// configuration to use when DHCP gets no answer; <c>dns=ADDRESS[:PORT]</c>, the name server instead of
/// the ones DHCP names (DHCP's are then never asked: a test's server on the host wins over slirp's); <c>key=N</c>, the driver's key (init names it: see <see cref="NicProtocol.CheckKey"/>).
/// </remarks>
internal sealed unsafe class NetService : ISocketServiceHost
{
    public const ushort DhcpClientPort = SocketServer.DhcpClientPort;
    public const ushort DhcpServerPort = 67;
    public const ushort DnsClientPort = SocketServer.DnsClientPort;
    private const int FrameBudget = 64;
    private const long AttachRetryMs = 500;
    private const long MaxRefusedBackOffMs = 16_000;
    private const long HousekeepingMs = 1000;

    private static readonly SyscallPorts Ports = SyscallPorts.Instance;

    private readonly long _port;
    private readonly DriverLink _link;
    private readonly SocketServer _sockets;
    private readonly byte[] _datagram = new byte[1500];
    private readonly IpConfiguration _staticFallback;
    private readonly DnsServerEndpoint _dnsOverride;
    private DhcpClient _dhcp;
    private int _configurationVersion;
    private ulong _ticksPerMillisecond = 1;
    private bool _linkWasUp;
    private int _refusals;

    private NetService(long port, IpConfiguration staticFallback, DnsServerEndpoint dnsOverride, ulong driverKey)
    {
        _port = port;
        _link = new DriverLink(port, driverKey);
        _sockets = new SocketServer(this, Ports, Ticks.Now());
        _staticFallback = staticFallback;
        _dnsOverride = dnsOverride;
    }

    public NetworkHost Host { get; private set; }
    public DnsResolver Resolver { get; private set; }

    public static int Run(string arguments)
    {
        if (!ParseArguments(arguments, out IpConfiguration fallback, out DnsServerEndpoint dns, out string error))
        {
            Console.WriteLine("net: " + error);
            Console.WriteLine("usage: net [static=ADDRESS/PREFIX[/GATEWAY]] [dns=ADDRESS[:PORT]] [key=N]");
            return 2;
        }
        long port = Ports.CreatePort();
        if (port <= 0 || Register(port) < 0)
        {
            Console.WriteLine("net: cannot register '" + NetProtocol.PortName + "'");
            return 1;
        }
        OnesSum.Install();
        var service = new NetService(port, fallback, dns, NicProtocol.KeyArgument(arguments));
        service.Calibrate();
        // Quiet until a driver is there: without a NIC the serial console stays the shell's.
        service.Loop();
        return 0;
    }

    // With a reservation init passed (handles 5..16), or first come, first served.
    private static long Register(long port)
    {
        for (long handle = 5; handle <= 16; handle++)
        {
            if (Ports.Register(NetProtocol.PortName, port, handle) == 0)
                return 0;
        }
        return Ports.Register(NetProtocol.PortName, port);
    }

    private void Calibrate()
    {
        ulong start = Ticks.Now();
        long begin = ProcessCalls.UptimeMilliseconds;
        ProcessCalls.Sleep(50);
        long elapsed = ProcessCalls.UptimeMilliseconds - begin;
        ulong ticks = Ticks.Now() - start;
        _ticksPerMillisecond = elapsed > 0 && ticks > (ulong)elapsed ? ticks / (ulong)elapsed : 1;
    }

    public long MicrosecondsSince(ulong ticks) => (long)((Ticks.Now() - ticks) * 1000 / _ticksPerMillisecond);

    private void Loop()
    {
        var message = default(IpcMessage);
        long nextAttach = 0, nextHousekeeping = 0;
        bool attachReported = false;
        while (true)
        {
            long now = ProcessCalls.UptimeMilliseconds;
            if (!_link.IsAttached && now >= nextAttach)
            {
                if (_link.TryAttach())
                    attachReported = false;
                nextAttach = now + AttachRetryMs;
            }
            if (!_link.IsAttached && _link.CheckAttached())
                OnAttached(ref attachReported);

            int frames = 0;
            bool timers = false;
            if (Host != null)
            {
                frames = _link.ReceiveFrames(Host, now, FrameBudget);
                timers = RunTimers(now);
            }
            if (_link.LinkUp != _linkWasUp)
                OnLinkChange(now);
            if (frames > 0 || timers)
                _sockets.WakeWaiting();
            if (now >= nextHousekeeping)
            {
                nextHousekeeping = now + HousekeepingMs;
                _sockets.CheckSessions(now);
                if (_link.IsAttached && _link.DriverLooksDead)
                    Console.WriteLine("net: the driver's port is gone; waiting for its Attach call to end");
            }

            long timeout = 0;
            if (frames < FrameBudget && _link.PrepareToSleep())
            {
                long deadline = NextDeadline(now);
                deadline = Math.Min(deadline, nextHousekeeping);
                if (!_link.IsAttached)
                    deadline = Math.Min(deadline, nextAttach);
                timeout = deadline <= now ? 0 : deadline - now;
            }
            _link.FlushKick();
            fixed (byte* copy = _sockets.CopyBuffer)
            {
                message = default;
                message.BufferAddress = (ulong)copy;
                message.BufferLength = (ulong)_sockets.CopyBuffer.Length;
                PathTicks.Switch(PathTicks.Idle);
                long result = Ports.Receive(_port, ref message, timeout);
                PathTicks.Switch(PathTicks.Stack);
                if (result < 0)
                    continue;
            }
            if (message.Tag == IpcMessage.NotificationTag)
            {
                // Any holder of our port may raise any bit: the attach thread's own record says whether its call ended.
                if (_link.CallEnded)
                    nextAttach = AfterAttachEnded(ProcessCalls.UptimeMilliseconds);
                continue;
            }
            _sockets.Serve(ref message, ProcessCalls.UptimeMilliseconds);
        }
    }

    // The Attach call returned: at once after a detach or the driver's death (init restarts it),
    // with a growing back-off while the driver keeps refusing the pool.
    private long AfterAttachEnded(long now)
    {
        bool wasAttached = _link.IsAttached;
        string why = _link.OnAttachEnded();
        if (wasAttached)
        {
            _refusals = 0;
            Console.WriteLine("net: " + why + "; re-attaching when it is back");
            return 0;
        }
        _refusals++;
        long delay = _refusals >= 6 ? MaxRefusedBackOffMs : AttachRetryMs << (_refusals - 1);
        // Said the first time and then when the back-off has grown to its longest, not on every try.
        if (_refusals == 1 || _refusals == 6)
            Console.WriteLine("net: " + why + "; trying again in " + delay.ToString() + " ms");
        return now + delay;
    }

    private void OnAttached(ref bool reported)
    {
        _refusals = 0;
        if (Host == null)
        {
            // The driver reports the MAC with its first byte lowest; the stack keeps it highest.
            ulong mac = 0;
            for (int i = 0; i < 6; i++)
                mac = (mac << 8) | ((_link.Mac >> (8 * i)) & 0xFF);
            Host = new NetworkHost(new MacAddress(mac), _link, (uint)Ticks.Now());
            Host.Udp = _sockets;
            Host.Echo = _sockets;
            _dhcp = new DhcpClient(Host.Mac, (uint)(Ticks.Now() >> 3), Host.Statistics, _staticFallback, 10_000);
        }
        if (!reported)
            Console.WriteLine("net: attached to '" + NicProtocol.PortName + "' (MAC " + Host.Mac.ToString() + ", attachment " + _link.Attachments.ToString() + ")");
        reported = true;
    }

    private void OnLinkChange(long now)
    {
        _linkWasUp = _link.LinkUp;
        if (_linkWasUp && _dhcp != null && _dhcp.State == DhcpClientState.Stopped)
            _dhcp.Start(now);
    }

    private long NextDeadline(long now)
    {
        if (Host == null)
            return now + HousekeepingMs;
        long next = Host.Poll(now);
        if (_dhcp != null)
            next = Math.Min(next, _dhcp.NextDeadline);
        if (Resolver != null)
            next = Math.Min(next, Resolver.NextDeadline);
        return next;
    }

    // ARP, reassembly and TCP timers, then DHCP and DNS sends; true when something was due.
    private bool RunTimers(long now)
    {
        long due = Host.Poll(now);
        bool any = due <= now;
        if (_dhcp != null && _dhcp.State != DhcpClientState.Stopped)
        {
            while (_dhcp.Poll(now, _datagram, out int length, out Ipv4Address destination))
            {
                Host.SendUdp(DhcpClientPort, destination, DhcpServerPort, new ReadOnlySpan<byte>(_datagram, 0, length), now);
                any = true;
            }
            if (_dhcp.ConfigurationVersion != _configurationVersion)
                OnConfiguration();
        }
        if (Resolver != null)
        {
            while (Resolver.Poll(now, _datagram, out int length, out DnsServerEndpoint server))
            {
                Host.SendUdp(DnsClientPort, server.Address, server.Port, new ReadOnlySpan<byte>(_datagram, 0, length), now);
                any = true;
            }
        }
        return any;
    }

    private void OnConfiguration()
    {
        _configurationVersion = _dhcp.ConfigurationVersion;
        IpConfiguration configuration = _dhcp.Configuration;
        Host.Configure(configuration);
        if (!configuration.IsConfigured)
        {
            Console.WriteLine("net: address given up (DHCP " + DescribeState() + ")");
            Resolver = null;
            return;
        }
        int servers = _dnsOverride.IsAny ? configuration.DnsCount : 1;
        var list = new DnsServerEndpoint[servers];
        for (int i = 0; i < servers; i++)
            list[i] = _dnsOverride.IsAny ? new DnsServerEndpoint(configuration.Dns(i)) : _dnsOverride;
        Resolver = new DnsResolver(list, Host.Statistics, (uint)Ticks.Now());
        string dns = servers > 0 ? ", dns " + list[0].ToString() : "";
        Console.WriteLine("net: " + configuration.Address.ToString() + "/" + PrefixLength(configuration.SubnetMask).ToString()
            + " gateway " + configuration.Gateway.ToString() + dns + " (" + DescribeState() + ")");
    }

    private string DescribeState() => _dhcp.State == DhcpClientState.Static
        ? "static, no DHCP answer"
        : "DHCP from " + _dhcp.Server.ToString() + ", lease " + _dhcp.LeaseSeconds.ToString() + " s";

    private static int PrefixLength(Ipv4Address mask)
    {
        int bits = 0;
        for (uint value = mask.Value; value != 0; value <<= 1)
            bits++;
        return bits;
    }

    public bool OnDhcp(ReadOnlySpan<byte> payload, long now)
    {
        if (_dhcp == null)
            return false;
        _dhcp.Receive(payload, now);
        if (_dhcp.ConfigurationVersion != _configurationVersion)
            OnConfiguration();
        return true;
    }

    public bool OnDns(Ipv4Address source, ushort sourcePort, ReadOnlySpan<byte> payload, long now)
    {
        if (Resolver == null)
            return false;
        Resolver.Receive(new DnsServerEndpoint(source, sourcePort), payload, now);
        return true;
    }

    /// <summary>ifconfig's view.</summary>
    public InterfaceInfo Describe()
    {
        InterfaceInfo info = default;
        info.DriverState = _link.IsAttached ? 1u : _link.EverAttached ? 2u : 0u;
        info.LinkUp = _link.LinkUp ? 1u : 0u;
        info.LinkSpeedMbps = (uint)_link.LinkSpeedMbps;
        info.Attachments = (uint)_link.Attachments;
        info.FramesReceived = _link.FramesReceived;
        info.FramesSent = _link.FramesSent;
        info.BytesReceived = _link.BytesReceived;
        info.BytesSent = _link.BytesSent;
        info.DriverDropped = _link.DriverDropped + _link.SendDropped;
        info.StackTicks = PathTicks.Of(PathTicks.Stack);
        info.RingTicks = PathTicks.Of(PathTicks.Ring);
        info.CopyTicks = PathTicks.Of(PathTicks.Copy);
        info.CopiedBytes = PathTicks.CopiedBytes;
        info.FullFramesReceived = PathTicks.FullFramesReceived;
        info.FullFramesSent = PathTicks.FullFramesSent;
        info.DriverTicks = _link.DriverTicks;
        info.DriverRingTicks = _link.DriverRingTicks;
        info.TimestampTicks = Ticks.Now();
        if (Host == null)
            return info;
        info.Mac = Host.Mac.Value;
        IpConfiguration configuration = Host.Configuration;
        info.Address = configuration.Address.Value;
        info.SubnetMask = configuration.SubnetMask.Value;
        info.Gateway = configuration.Gateway.Value;
        if (Resolver != null)
        {
            info.Dns0 = _dnsOverride.IsAny ? configuration.Dns0.Value : _dnsOverride.Address.Value;
            info.Dns1 = _dnsOverride.IsAny ? configuration.Dns1.Value : 0;
            info.Dns0Port = _dnsOverride.IsAny ? DnsResolver.ServerPort : _dnsOverride.Port;
        }
        info.AddressSource = !configuration.IsConfigured ? 0u : _dhcp.State == DhcpClientState.Static ? 2u : 1u;
        info.LeaseSeconds = _dhcp.LeaseSeconds;
        NetStatistics statistics = Host.Statistics;
        ulong dropped = 0;
        foreach (ProtocolCounters counters in statistics.All)
            dropped += (ulong)(counters.Errors + counters.Dropped);
        info.FramesDropped = dropped;
        info.TcpRetransmits = (ulong)statistics.TcpRetransmits;
        info.TcpResetsSent = (ulong)statistics.TcpResetsSent;
        return info;
    }

    // ---- arguments ----

    private static bool ParseArguments(string arguments, out IpConfiguration fallback, out DnsServerEndpoint dns, out string error)
    {
        fallback = default;
        dns = default;
        error = null;
        string[] words = (arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (string word in words)
        {
            if (word.StartsWith("static="))
            {
                string[] parts = word.Substring(7).Split('/');
                if (parts.Length < 2 || !Ipv4Address.TryParse(parts[0], out fallback.Address) || !int.TryParse(parts[1], out int prefix)
                    || prefix < 1 || prefix > 30 || (parts.Length > 2 && !Ipv4Address.TryParse(parts[2], out fallback.Gateway)))
                {
                    error = "bad static configuration '" + word + "'";
                    return false;
                }
                fallback.SubnetMask = new Ipv4Address(0xFFFF_FFFFu << (32 - prefix));
            }
            else if (word.StartsWith("key="))
            {
                if (NicProtocol.KeyArgument(word) == 0)
                {
                    error = "bad driver key";
                    return false;
                }
            }
            else if (word.StartsWith("dns="))
            {
                if (!DnsServerEndpoint.TryParse(word.Substring(4), out dns))
                {
                    error = "bad name server '" + word + "'";
                    return false;
                }
            }
            else
            {
                error = "unknown argument '" + word + "'";
                return false;
            }
        }
        return true;
    }
}
