using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The DHCP client state machine (RFC 2131 4.4): DISCOVER with back-off (4, 8, 16, 32, 64 s),
/// REQUEST of the first offer, the lease with renewal (unicast to the server) at T1 and rebinding
/// (broadcast) at T2, the address given up when the lease ends; NAK restarts discovery. When
/// discovery gets no answer for <see cref="FallbackAfterMs"/> and a static configuration was
/// given, that is used while discovery goes on every 64 s. No clock is read: the stack calls
/// <see cref="Poll"/> with the time and sends what it writes from port 68 to port 67.
/// </summary>
public sealed class DhcpClient
{
    private const long FirstRetransmitMs = 4000;
    private const long MaxRetransmitMs = 64_000;
    private const long MinRenewRetransmitMs = 60_000;
    private const int RequestAttempts = 4;

    private readonly MacAddress _mac;
    private readonly IpConfiguration _static;
    private readonly NetStatistics _statistics;
    private uint _random;
    private uint _transactionId;
    private long _startedAt;
    private long _nextSendAt;
    private long _retransmitMs;
    private int _attempts;
    private long _discoveryStartedAt;
    private bool _usingStatic;

    private Ipv4Address _offered;
    private Ipv4Address _server;
    private long _leaseStart;
    private long _renewAt;
    private long _rebindAt;
    private long _expiresAt;

    public DhcpClientState State { get; private set; }
    /// <summary>The configuration in use (none, leased or static).</summary>
    public IpConfiguration Configuration { get; private set; }
    /// <summary>Grows every time <see cref="Configuration"/> changes, so the stack can react (gratuitous ARP, routes).</summary>
    public int ConfigurationVersion { get; private set; }
    public long FallbackAfterMs { get; }
    public uint LeaseSeconds { get; private set; }
    public long LeaseExpiresAt => _expiresAt;
    public long RenewAt => _renewAt;
    public long RebindAt => _rebindAt;
    public Ipv4Address Server => _server;

    /// <param name="staticFallback">Used when no server answers; an unconfigured value means none.</param>
    public DhcpClient(MacAddress mac, uint seed, NetStatistics statistics, IpConfiguration staticFallback = default, long fallbackAfterMs = 30_000)
    {
        _mac = mac;
        _random = seed == 0 ? 0x2545F491u : seed;
        _statistics = statistics;
        _static = staticFallback;
        FallbackAfterMs = fallbackAfterMs;
    }

    public void Start(long now)
    {
        _startedAt = now;
        _discoveryStartedAt = now;
        BeginSelecting(now);
    }

    public void Stop()
    {
        State = DhcpClientState.Stopped;
        SetConfiguration(default);
    }

    /// <summary>The earliest time <see cref="Poll"/> has work, for the stack's sleep.</summary>
    public long NextDeadline
    {
        get
        {
            switch (State)
            {
                case DhcpClientState.Stopped: return long.MaxValue;
                case DhcpClientState.Bound: return _renewAt;
                case DhcpClientState.Renewing: return Math.Min(_nextSendAt, _rebindAt);
                case DhcpClientState.Rebinding: return Math.Min(_nextSendAt, _expiresAt);
                default: return _nextSendAt;
            }
        }
    }

    /// <summary>
    /// Advances to <paramref name="now"/>; when a message is due, writes it to <paramref name="buffer"/>
    /// and returns true with where to send it (the limited broadcast, or the server when renewing).
    /// </summary>
    public bool Poll(long now, Span<byte> buffer, out int length, out Ipv4Address destination)
    {
        length = 0;
        destination = Ipv4Address.Broadcast;
        switch (State)
        {
            case DhcpClientState.Selecting:
            case DhcpClientState.Static:
                if (State == DhcpClientState.Selecting && _static.IsConfigured && now - _discoveryStartedAt >= FallbackAfterMs)
                {
                    State = DhcpClientState.Static;
                    _usingStatic = true;
                    SetConfiguration(_static);
                    _retransmitMs = MaxRetransmitMs;
                    _nextSendAt = now + MaxRetransmitMs;
                    return false;
                }
                if (now < _nextSendAt)
                    return false;
                Backoff(now);
                length = Write(buffer, DhcpMessageType.Discover, now, default, default, default, true);
                return length > 0;

            case DhcpClientState.Requesting:
                if (now < _nextSendAt)
                    return false;
                if (_attempts >= RequestAttempts)
                {
                    BeginSelecting(now);
                    return Poll(now, buffer, out length, out destination);
                }
                Backoff(now);
                length = Write(buffer, DhcpMessageType.Request, now, default, _offered, _server, true);
                return length > 0;

            case DhcpClientState.Bound:
                if (now < _renewAt)
                    return false;
                State = DhcpClientState.Renewing;
                _nextSendAt = now;
                goto case DhcpClientState.Renewing;

            case DhcpClientState.Renewing:
                if (now >= _rebindAt)
                {
                    State = DhcpClientState.Rebinding;
                    _nextSendAt = now;
                    goto case DhcpClientState.Rebinding;
                }
                if (now < _nextSendAt)
                    return false;
                // RFC 2131 4.4.5: wait half the time left to T2, at least 60 s.
                _nextSendAt = now + Math.Max(MinRenewRetransmitMs, (_rebindAt - now) / 2);
                destination = _server;
                length = Write(buffer, DhcpMessageType.Request, now, Configuration.Address, default, default, false);
                return length > 0;

            case DhcpClientState.Rebinding:
                if (now >= _expiresAt)
                {
                    GiveUpAddress(now);
                    return Poll(now, buffer, out length, out destination);
                }
                if (now < _nextSendAt)
                    return false;
                _nextSendAt = now + Math.Max(MinRenewRetransmitMs, (_expiresAt - now) / 2);
                length = Write(buffer, DhcpMessageType.Request, now, Configuration.Address, default, default, true);
                return length > 0;
        }
        return false;
    }

    /// <summary>Takes a UDP payload that arrived on port 68.</summary>
    public void Receive(ReadOnlySpan<byte> payload, long now)
    {
        _statistics.Dhcp.Received++;
        if (!_statistics.Dhcp.Count(DhcpMessage.TryParse(payload, out var message)))
            return;
        if (message.TransactionId != _transactionId || message.ClientMac != _mac)
        {
            _statistics.Dhcp.Dropped++;
            return;
        }
        switch (State)
        {
            case DhcpClientState.Selecting:
            case DhcpClientState.Static:
                if (message.Type != DhcpMessageType.Offer || !Usable(message.YourAddress) || message.ServerIdentifier.IsAny)
                    break;
                _offered = message.YourAddress;
                _server = message.ServerIdentifier;
                State = DhcpClientState.Requesting;
                _attempts = 0;
                _retransmitMs = FirstRetransmitMs;
                _nextSendAt = now;
                _statistics.Dhcp.Delivered++;
                return;

            case DhcpClientState.Requesting:
            case DhcpClientState.Renewing:
            case DhcpClientState.Rebinding:
                if (message.Type == DhcpMessageType.Nak)
                {
                    if (State == DhcpClientState.Requesting && message.ServerIdentifier != _server && !message.ServerIdentifier.IsAny)
                        break; // another server's NAK does not concern the one we asked
                    GiveUpAddress(now);
                    _statistics.Dhcp.Delivered++;
                    return;
                }
                if (message.Type != DhcpMessageType.Ack || !Usable(message.YourAddress))
                    break;
                if (State == DhcpClientState.Requesting && message.YourAddress != _offered)
                    break;
                if (State != DhcpClientState.Requesting && message.YourAddress != Configuration.Address)
                    break;
                Bind(message, now);
                _statistics.Dhcp.Delivered++;
                return;
        }
        _statistics.Dhcp.Dropped++;
    }

    private void Bind(in DhcpMessage message, long now)
    {
        if (!message.ServerIdentifier.IsAny)
            _server = message.ServerIdentifier;
        uint lease = message.LeaseSeconds == 0 ? 3600 : message.LeaseSeconds;
        LeaseSeconds = lease;
        _leaseStart = now;
        if (lease == DhcpMessage.InfiniteLease)
        {
            _renewAt = _rebindAt = _expiresAt = long.MaxValue;
        }
        else
        {
            long leaseMs = lease * 1000L;
            long t1 = message.RenewalSeconds != 0 ? message.RenewalSeconds * 1000L : leaseMs / 2;
            long t2 = message.RebindingSeconds != 0 ? message.RebindingSeconds * 1000L : leaseMs * 7 / 8;
            // A server's T1/T2 that make no sense fall back to the defaults (T1 < T2 < lease).
            if (t2 >= leaseMs || t2 <= 0)
                t2 = leaseMs * 7 / 8;
            if (t1 >= t2 || t1 <= 0)
                t1 = Math.Min(leaseMs / 2, t2 / 2);
            _renewAt = now + t1;
            _rebindAt = now + t2;
            _expiresAt = now + leaseMs;
        }
        State = DhcpClientState.Bound;
        _usingStatic = false;
        var configuration = new IpConfiguration
        {
            Address = message.YourAddress,
            SubnetMask = message.SubnetMask.IsAny ? DefaultMask(message.YourAddress) : message.SubnetMask,
            Gateway = message.Router,
            Dns0 = message.Dns0,
            Dns1 = message.Dns1,
            Dns2 = message.Dns2,
            DnsCount = message.DnsCount,
        };
        SetConfiguration(configuration);
    }

    private static Ipv4Address DefaultMask(Ipv4Address address)
        => (address.Value >> 30) == 2 ? new Ipv4Address(0xFFFF0000u) : (address.Value >> 29) == 6 ? new Ipv4Address(0xFFFFFF00u) : new Ipv4Address(0xFF000000u);

    private static bool Usable(Ipv4Address address)
        => !address.IsAny && !address.IsBroadcast && !address.IsMulticast && !address.IsLoopback;

    private void SetConfiguration(IpConfiguration configuration)
    {
        var old = Configuration;
        if (old.Address == configuration.Address && old.SubnetMask == configuration.SubnetMask && old.Gateway == configuration.Gateway
            && old.DnsCount == configuration.DnsCount && old.Dns0 == configuration.Dns0 && old.Dns1 == configuration.Dns1 && old.Dns2 == configuration.Dns2)
            return;
        Configuration = configuration;
        ConfigurationVersion++;
    }

    /// <summary>The lease ended or was refused: back to discovery, on the static address if there is one.</summary>
    private void GiveUpAddress(long now)
    {
        _usingStatic = _static.IsConfigured;
        SetConfiguration(_usingStatic ? _static : default);
        _discoveryStartedAt = now;
        BeginSelecting(now);
    }

    private void BeginSelecting(long now)
    {
        State = _usingStatic ? DhcpClientState.Static : DhcpClientState.Selecting;
        _transactionId = NextRandom();
        _attempts = 0;
        _retransmitMs = FirstRetransmitMs;
        _nextSendAt = now;
        _offered = default;
    }

    private void Backoff(long now)
    {
        _attempts++;
        _nextSendAt = now + _retransmitMs;
        _retransmitMs = Math.Min(MaxRetransmitMs, _retransmitMs * 2);
    }

    private int Write(Span<byte> buffer, DhcpMessageType type, long now, Ipv4Address clientAddress, Ipv4Address requested,
                      Ipv4Address server, bool broadcast)
    {
        long seconds = (now - _startedAt) / 1000;
        _statistics.Dhcp.Sent++;
        return DhcpMessage.WriteClient(buffer, type, _transactionId, _mac, (ushort)Math.Min(seconds, 0xFFFF), clientAddress,
                                       requested, server, broadcast);
    }

    private uint NextRandom()
    {
        _random ^= _random << 13;
        _random ^= _random >> 17;
        _random ^= _random << 5;
        return _random;
    }
}
