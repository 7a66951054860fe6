using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>What <see cref="ArpCache.Resolve"/> found.</summary>
public enum ArpResolution
{
    /// <summary>The address is known: send now.</summary>
    Resolved,
    /// <summary>A new entry: send an ARP request now (and queue the packet).</summary>
    SendRequest,
    /// <summary>A request is already out: queue the packet.</summary>
    Waiting,
    /// <summary>The table is full of unresolved entries: drop the packet.</summary>
    NoRoom,
}

/// <summary>
/// The IPv4-to-Ethernet table (RFC 826, RFC 1122 2.3.2). Entries expire after a lifetime; an
/// unresolved address keeps a few packets (the oldest is dropped when more come) until its reply
/// arrives, and after a number of unanswered requests its packets are dropped and counted. All
/// times are caller-supplied milliseconds; nothing here reads a clock.
/// </summary>
public sealed class ArpCache
{
    private sealed class Entry
    {
        public Ipv4Address Address;
        public MacAddress Mac;
        public bool Resolved;
        public long ExpiresAt;
        public long NextRequestAt;
        public int RequestsSent;
        public readonly Queue<byte[]> Pending = new Queue<byte[]>();
    }

    private readonly Dictionary<Ipv4Address, Entry> _entries = new Dictionary<Ipv4Address, Entry>();
    private readonly List<Ipv4Address> _scratch = new List<Ipv4Address>();
    private readonly NetStatistics _statistics;

    public int Capacity { get; }
    public long LifetimeMs { get; }
    public long RequestIntervalMs { get; }
    public int MaxRequests { get; }
    public int PendingPerAddress { get; }

    public ArpCache(NetStatistics statistics, int capacity = 64, long lifetimeMs = 60_000, long requestIntervalMs = 1000,
                    int maxRequests = 3, int pendingPerAddress = 4)
    {
        _statistics = statistics;
        Capacity = capacity;
        LifetimeMs = lifetimeMs;
        RequestIntervalMs = requestIntervalMs;
        MaxRequests = maxRequests;
        PendingPerAddress = pendingPerAddress;
    }

    public int Count => _entries.Count;

    /// <summary>Looks the address up; creates an unresolved entry when it is new.</summary>
    public ArpResolution Resolve(Ipv4Address address, long now, out MacAddress mac)
    {
        mac = default;
        if (_entries.TryGetValue(address, out var entry))
        {
            if (entry.Resolved && now < entry.ExpiresAt)
            {
                mac = entry.Mac;
                return ArpResolution.Resolved;
            }
            if (entry.Resolved)
            {
                // Expired: ask again, as a new entry.
                entry.Resolved = false;
                entry.RequestsSent = 1;
                entry.NextRequestAt = now + RequestIntervalMs;
                return ArpResolution.SendRequest;
            }
            return ArpResolution.Waiting;
        }
        if (_entries.Count >= Capacity && !EvictOneResolved())
            return ArpResolution.NoRoom;
        entry = new Entry { Address = address, RequestsSent = 1, NextRequestAt = now + RequestIntervalMs };
        _entries[address] = entry;
        return ArpResolution.SendRequest;
    }

    /// <summary>Keeps a copy of a packet for an unresolved address; the oldest goes when the queue is full.</summary>
    public bool Enqueue(Ipv4Address address, ReadOnlySpan<byte> packet)
    {
        if (!_entries.TryGetValue(address, out var entry) || entry.Resolved)
            return false;
        if (entry.Pending.Count >= PendingPerAddress)
        {
            entry.Pending.Dequeue();
            _statistics.ArpPendingDropped++;
        }
        entry.Pending.Enqueue(packet.ToArray());
        return true;
    }

    /// <summary>Number of packets waiting for <paramref name="address"/>.</summary>
    public int PendingCount(Ipv4Address address) => _entries.TryGetValue(address, out var entry) ? entry.Pending.Count : 0;

    /// <summary>
    /// Records a mapping learnt from the wire. <paramref name="create"/> is false for an ARP packet
    /// not aimed at us (RFC 826: only refresh what we already have). Packets that waited for the
    /// address are appended to <paramref name="released"/>, in the order they came.
    /// </summary>
    public void Update(Ipv4Address address, MacAddress mac, long now, bool create, List<byte[]> released)
    {
        if (address.IsAny || address.IsBroadcast || mac.IsGroup)
            return;
        if (!_entries.TryGetValue(address, out var entry))
        {
            if (!create || (_entries.Count >= Capacity && !EvictOneResolved()))
                return;
            entry = new Entry { Address = address };
            _entries[address] = entry;
        }
        entry.Mac = mac;
        entry.Resolved = true;
        entry.ExpiresAt = now + LifetimeMs;
        entry.RequestsSent = 0;
        while (entry.Pending.Count > 0)
            released?.Add(entry.Pending.Dequeue());
    }

    /// <summary>
    /// Advances time: addresses whose request should be repeated go to <paramref name="retry"/>;
    /// unresolved addresses out of attempts are removed with their packets (counted); resolved
    /// entries past their lifetime are removed.
    /// </summary>
    public void Poll(long now, List<Ipv4Address> retry)
    {
        _scratch.Clear();
        foreach (var pair in _entries)
        {
            var entry = pair.Value;
            if (entry.Resolved)
            {
                if (now >= entry.ExpiresAt)
                    _scratch.Add(entry.Address);
                continue;
            }
            if (now < entry.NextRequestAt)
                continue;
            if (entry.RequestsSent >= MaxRequests)
            {
                _statistics.ArpRequestsFailed++;
                _statistics.ArpPendingDropped += entry.Pending.Count;
                _scratch.Add(entry.Address);
                continue;
            }
            entry.RequestsSent++;
            entry.NextRequestAt = now + RequestIntervalMs;
            retry.Add(entry.Address);
        }
        foreach (var address in _scratch)
            _entries.Remove(address);
    }

    public bool TryGet(Ipv4Address address, out MacAddress mac, out bool resolved)
    {
        mac = default;
        resolved = false;
        if (!_entries.TryGetValue(address, out var entry))
            return false;
        mac = entry.Mac;
        resolved = entry.Resolved;
        return true;
    }

    public void Clear() => _entries.Clear();

    private bool EvictOneResolved()
    {
        // The entry closest to expiry goes; unresolved ones (holding packets) stay.
        bool found = false;
        Ipv4Address victim = default;
        long soonest = long.MaxValue;
        foreach (var pair in _entries)
        {
            if (pair.Value.Resolved && pair.Value.ExpiresAt < soonest)
            {
                soonest = pair.Value.ExpiresAt;
                victim = pair.Key;
                found = true;
            }
        }
        if (found)
            _entries.Remove(victim);
        return found;
    }
}
