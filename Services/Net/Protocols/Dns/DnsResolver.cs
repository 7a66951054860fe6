using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// A stub resolver's state machine: queries go to the servers in turn, each tried
/// <see cref="AttemptsPerServer"/> times with a time-out; answers are matched by server, id and
/// question (an answer counts only from the address and port the query went to), and cached for their TTL (bounded by <see cref="MaxCacheTtlSeconds"/>). The stack
/// moves the datagrams: <see cref="Poll"/> says what to send, <see cref="Receive"/> takes what
/// came from port 53. Times are caller-supplied milliseconds.
/// </summary>
public sealed class DnsResolver
{
    public const int MaxAddresses = 8;
    public const ushort ServerPort = 53;

    private sealed class Query
    {
        public int Handle;
        public string Name;
        public readonly byte[] WireName = new byte[DnsCodec.MaxNameLength + 1];
        public int WireNameLength;
        public ushort Id;
        public int Server;
        public int Attempt;
        public long Deadline;
        public bool SendNow;
        public DnsQueryState State;
        public readonly Ipv4Address[] Addresses = new Ipv4Address[MaxAddresses];
        public int Count;
    }

    private sealed class CacheEntry
    {
        public Ipv4Address[] Addresses;
        public long ExpiresAt;
    }

    private readonly DnsServerEndpoint[] _servers;
    private readonly List<Query> _queries = new List<Query>();
    private readonly Dictionary<string, CacheEntry> _cache = new Dictionary<string, CacheEntry>();
    private readonly byte[] _scratch = new byte[2 * DnsCodec.MaxNameLength + 2];
    private readonly NetStatistics _statistics;
    private uint _random;
    private int _nextHandle = 1;

    public long TimeoutMs { get; }
    public int AttemptsPerServer { get; }
    public int MaxQueries { get; }
    public int CacheCapacity { get; }
    public uint MaxCacheTtlSeconds { get; } = 86_400;

    /// <summary>Servers on port 53.</summary>
    public DnsResolver(Ipv4Address[] servers, NetStatistics statistics, uint seed, long timeoutMs = 2000, int attemptsPerServer = 2,
                       int maxQueries = 16, int cacheCapacity = 64)
        : this(OnPort53(servers), statistics, seed, timeoutMs, attemptsPerServer, maxQueries, cacheCapacity)
    {
    }

    public DnsResolver(DnsServerEndpoint[] servers, NetStatistics statistics, uint seed, long timeoutMs = 2000, int attemptsPerServer = 2,
                       int maxQueries = 16, int cacheCapacity = 64)
    {
        _servers = servers;
        _statistics = statistics;
        _random = seed == 0 ? 0x9E3779B9u : seed;
        TimeoutMs = timeoutMs;
        AttemptsPerServer = attemptsPerServer;
        MaxQueries = maxQueries;
        CacheCapacity = cacheCapacity;
    }

    public int CacheCount => _cache.Count;

    private static DnsServerEndpoint[] OnPort53(Ipv4Address[] servers)
    {
        var endpoints = new DnsServerEndpoint[servers.Length];
        for (int i = 0; i < servers.Length; i++)
            endpoints[i] = new DnsServerEndpoint(servers[i]);
        return endpoints;
    }

    /// <summary>
    /// Looks <paramref name="name"/> up in the cache (addresses copied to <paramref name="addresses"/>,
    /// returns <see cref="DnsQueryState.Resolved"/> with handle 0) or starts a query (returns
    /// <see cref="DnsQueryState.Pending"/> and its handle). A name that cannot be encoded, or no
    /// room for another query, gives <see cref="DnsQueryState.NotFound"/> / <see cref="DnsQueryState.TimedOut"/>.
    /// </summary>
    public DnsQueryState Start(string name, long now, Span<Ipv4Address> addresses, out int count, out int handle)
    {
        count = 0;
        handle = 0;
        string key = name.ToLowerInvariant();
        if (_cache.TryGetValue(key, out var cached))
        {
            if (now < cached.ExpiresAt)
            {
                count = Math.Min(addresses.Length, cached.Addresses.Length);
                cached.Addresses.AsSpan(0, count).CopyTo(addresses);
                return DnsQueryState.Resolved;
            }
            _cache.Remove(key);
        }
        if (_servers.Length == 0 || _queries.Count >= MaxQueries)
            return DnsQueryState.TimedOut;
        var query = new Query { Handle = _nextHandle++, Name = key, State = DnsQueryState.Pending, SendNow = true, Id = NextId() };
        query.WireNameLength = DnsCodec.EncodeName(name, query.WireName);
        if (query.WireNameLength == 0)
            return DnsQueryState.NotFound;
        _queries.Add(query);
        handle = query.Handle;
        return DnsQueryState.Pending;
    }

    /// <summary>
    /// Advances time and writes the next query datagram due (a first send or a retry) into
    /// <paramref name="buffer"/>; false when nothing is due. Call until false.
    /// </summary>
    public bool Poll(long now, Span<byte> buffer, out int length, out DnsServerEndpoint server)
    {
        length = 0;
        server = default;
        foreach (var query in _queries)
        {
            if (query.State != DnsQueryState.Pending)
                continue;
            if (!query.SendNow && now >= query.Deadline)
            {
                query.Attempt++;
                if (query.Attempt >= AttemptsPerServer)
                {
                    query.Attempt = 0;
                    query.Server++;
                }
                if (query.Server >= _servers.Length)
                {
                    query.State = DnsQueryState.TimedOut;
                    continue;
                }
                query.Id = NextId(); // a new id per attempt: a late answer to the old one is not taken
                query.SendNow = true;
            }
            if (!query.SendNow)
                continue;
            length = WriteQuery(query, buffer);
            if (length == 0)
                return false;
            query.SendNow = false;
            query.Deadline = now + TimeoutMs;
            server = _servers[query.Server];
            _statistics.Dns.Sent++;
            return true;
        }
        return false;
    }

    /// <summary>The earliest time <see cref="Poll"/> has something to do, or long.MaxValue.</summary>
    public long NextDeadline
    {
        get
        {
            long next = long.MaxValue;
            foreach (var query in _queries)
            {
                if (query.State == DnsQueryState.Pending)
                    next = Math.Min(next, query.SendNow ? 0 : query.Deadline);
            }
            return next;
        }
    }

    /// <summary>Takes a UDP payload that came from <paramref name="from"/> port 53.</summary>
    public void Receive(Ipv4Address from, ReadOnlySpan<byte> payload, long now) => Receive(new DnsServerEndpoint(from), payload, now);

    /// <summary>Takes a UDP payload that came from <paramref name="from"/> (address and port).</summary>
    public void Receive(DnsServerEndpoint from, ReadOnlySpan<byte> payload, long now)
    {
        _statistics.Dns.Received++;
        if (payload.Length < 2)
        {
            _statistics.Dns.Truncated++;
            return;
        }
        ushort id = (ushort)((payload[0] << 8) | payload[1]);
        foreach (var query in _queries)
        {
            if (query.State != DnsQueryState.Pending || query.Id != id || _servers[query.Server] != from)
                continue;
            var status = DnsCodec.ParseResponse(payload, id, query.WireName.AsSpan(0, query.WireNameLength), _scratch,
                                                query.Addresses, out query.Count, out uint ttl, out var code);
            if (!_statistics.Dns.Count(status))
                return; // a broken answer: wait for a good one or the time-out
            _statistics.Dns.Delivered++;
            if (code == DnsResponseCode.NameError || (code == DnsResponseCode.NoError && query.Count == 0))
            {
                query.State = DnsQueryState.NotFound;
            }
            else if (code != DnsResponseCode.NoError)
            {
                // This server cannot help: go on with the next one now.
                query.Server++;
                query.Attempt = 0;
                query.Count = 0;
                if (query.Server >= _servers.Length)
                {
                    query.State = DnsQueryState.TimedOut;
                }
                else
                {
                    query.Id = NextId();
                    query.SendNow = true;
                }
            }
            else
            {
                query.State = DnsQueryState.Resolved;
                Remember(query, ttl, now);
            }
            return;
        }
        _statistics.Dns.Dropped++;
    }

    /// <summary>
    /// The state of query <paramref name="handle"/>; once it is no longer pending the result is
    /// copied out and the query forgotten.
    /// </summary>
    public DnsQueryState Collect(int handle, Span<Ipv4Address> addresses, out int count)
    {
        count = 0;
        for (int i = 0; i < _queries.Count; i++)
        {
            var query = _queries[i];
            if (query.Handle != handle)
                continue;
            if (query.State == DnsQueryState.Pending)
                return DnsQueryState.Pending;
            count = Math.Min(addresses.Length, query.Count);
            query.Addresses.AsSpan(0, count).CopyTo(addresses);
            _queries.RemoveAt(i);
            return query.State;
        }
        return DnsQueryState.None;
    }

    private void Remember(Query query, uint ttl, long now)
    {
        if (ttl == 0)
            return;
        if (_cache.Count >= CacheCapacity)
            EvictSoonest(now);
        long seconds = Math.Min(ttl, MaxCacheTtlSeconds);
        _cache[query.Name] = new CacheEntry { Addresses = query.Addresses.AsSpan(0, query.Count).ToArray(), ExpiresAt = now + seconds * 1000 };
    }

    private void EvictSoonest(long now)
    {
        string victim = null;
        long soonest = long.MaxValue;
        foreach (var pair in _cache)
        {
            if (pair.Value.ExpiresAt < soonest)
            {
                soonest = pair.Value.ExpiresAt;
                victim = pair.Key;
            }
        }
        if (victim != null)
            _cache.Remove(victim);
    }

    private int WriteQuery(Query query, Span<byte> buffer)
    {
        int needed = DnsCodec.HeaderLength + query.WireNameLength + 4;
        if (buffer.Length < needed)
            return 0;
        buffer.Slice(0, DnsCodec.HeaderLength).Clear();
        buffer[0] = (byte)(query.Id >> 8);
        buffer[1] = (byte)query.Id;
        buffer[2] = 0x01;
        buffer[5] = 1;
        query.WireName.AsSpan(0, query.WireNameLength).CopyTo(buffer.Slice(DnsCodec.HeaderLength));
        int at = DnsCodec.HeaderLength + query.WireNameLength;
        buffer[at] = 0;
        buffer[at + 1] = (byte)DnsCodec.TypeA;
        buffer[at + 2] = 0;
        buffer[at + 3] = (byte)DnsCodec.ClassIn;
        return needed;
    }

    private ushort NextId()
    {
        // xorshift32: ids that are hard to guess off-path yet repeat under a fixed seed in tests.
        _random ^= _random << 13;
        _random ^= _random >> 17;
        _random ^= _random << 5;
        return (ushort)_random;
    }
}
