using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>What <see cref="Ipv4Reassembler.Add"/> did with a fragment.</summary>
public enum ReassemblyStatus
{
    /// <summary>Kept; the datagram is not complete yet.</summary>
    Pending,
    /// <summary>The datagram is whole: its payload is returned.</summary>
    Complete,
    /// <summary>The same bytes again: ignored.</summary>
    Duplicate,
    /// <summary>Overlapping or contradicting fragments: the whole datagram was dropped.</summary>
    Dropped,
    /// <summary>The reassembly buffer is full: the fragment was not kept.</summary>
    NoRoom,
    /// <summary>A fragment whose length or offset cannot be right (not a multiple of 8, past the end).</summary>
    Invalid,
}

/// <summary>
/// Puts IPv4 fragments back together (RFC 791, RFC 815) inside a fixed byte budget. Datagrams that
/// do not complete within the time-out, and any datagram with overlapping fragments (the RFC 5722
/// rule, which defeats overlap attacks), are dropped whole and counted.
/// </summary>
public sealed class Ipv4Reassembler
{
    private readonly struct Key : IEquatable<Key>
    {
        public readonly uint Source;
        public readonly uint Destination;
        public readonly uint ProtocolAndId;

        public Key(in Ipv4Header header)
        {
            Source = header.Source.Value;
            Destination = header.Destination.Value;
            ProtocolAndId = ((uint)header.Protocol << 16) | header.Identification;
        }

        public bool Equals(Key other) => Source == other.Source && Destination == other.Destination && ProtocolAndId == other.ProtocolAndId;
        public override bool Equals(object obj) => obj is Key other && Equals(other);
        public override int GetHashCode() => (int)(Source * 31 + Destination * 17 + ProtocolAndId);
    }

    private sealed class Datagram
    {
        public byte[] Buffer;
        /// <summary>Received byte ranges [start, end), sorted and never overlapping.</summary>
        public readonly List<long> Ranges = new List<long>();
        public int TotalLength = -1;
        public long Deadline;
    }

    private readonly Dictionary<Key, Datagram> _datagrams = new Dictionary<Key, Datagram>();
    private readonly List<Key> _expired = new List<Key>();
    private readonly NetStatistics _statistics;
    private int _bytesHeld;

    public int MaxBytes { get; }
    public int MaxDatagrams { get; }
    public long TimeoutMs { get; }

    public Ipv4Reassembler(NetStatistics statistics, int maxBytes = 256 * 1024, int maxDatagrams = 16, long timeoutMs = 30_000)
    {
        _statistics = statistics;
        MaxBytes = maxBytes;
        MaxDatagrams = maxDatagrams;
        TimeoutMs = timeoutMs;
    }

    public int DatagramsInProgress => _datagrams.Count;
    public int BytesHeld => _bytesHeld;

    /// <summary>
    /// Adds the fragment <paramref name="payload"/> of <paramref name="header"/>. On
    /// <see cref="ReassemblyStatus.Complete"/>, <paramref name="datagram"/>[0..<paramref name="length"/>)
    /// is the whole payload and belongs to the caller.
    /// </summary>
    public ReassemblyStatus Add(in Ipv4Header header, ReadOnlySpan<byte> payload, long now, out byte[] datagram, out int length)
    {
        datagram = null;
        length = 0;
        _statistics.FragmentsReceived++;
        int start = header.FragmentOffset;
        int end = start + payload.Length;
        if ((header.MoreFragments && (payload.Length == 0 || (payload.Length & 7) != 0)) || end > 65535 - Ipv4Header.MinLength)
            return ReassemblyStatus.Invalid;

        var key = new Key(header);
        if (!_datagrams.TryGetValue(key, out var entry))
        {
            if (_datagrams.Count >= MaxDatagrams)
            {
                _statistics.FragmentsNoRoom++;
                return ReassemblyStatus.NoRoom;
            }
            entry = new Datagram { Deadline = now + TimeoutMs };
            _datagrams[key] = entry;
        }

        if (!header.MoreFragments)
        {
            if ((entry.TotalLength >= 0 && entry.TotalLength != end) || LastEnd(entry) > end)
                return Drop(key, entry);
            entry.TotalLength = end;
        }
        else if (entry.TotalLength >= 0 && end > entry.TotalLength)
        {
            return Drop(key, entry);
        }

        switch (FindPlace(entry.Ranges, start, end, out int index))
        {
            case -1:
                return Drop(key, entry);
            case 1:
                // A retransmitted fragment must bring the same bytes; different ones are an attack.
                if (!payload.SequenceEqual(entry.Buffer.AsSpan(start, payload.Length)))
                    return Drop(key, entry);
                return ReassemblyStatus.Duplicate;
        }

        int needed = entry.TotalLength >= 0 ? entry.TotalLength : end;
        if (entry.Buffer == null || entry.Buffer.Length < needed)
        {
            int size = entry.TotalLength >= 0 ? entry.TotalLength : Math.Min(65535, (needed + 2047) & ~2047);
            int grow = size - (entry.Buffer == null ? 0 : entry.Buffer.Length);
            if (_bytesHeld + grow > MaxBytes)
            {
                _statistics.FragmentsNoRoom++;
                if (entry.Ranges.Count == 0)
                    _datagrams.Remove(key);
                return ReassemblyStatus.NoRoom;
            }
            var bigger = new byte[size];
            entry.Buffer?.AsSpan().CopyTo(bigger);
            entry.Buffer = bigger;
            _bytesHeld += grow;
        }
        payload.CopyTo(entry.Buffer.AsSpan(start));
        Insert(entry.Ranges, index, start, end);

        if (entry.TotalLength >= 0 && entry.Ranges.Count == 1 && RangeStart(entry.Ranges[0]) == 0
            && RangeEnd(entry.Ranges[0]) == entry.TotalLength)
        {
            _datagrams.Remove(key);
            _bytesHeld -= entry.Buffer.Length;
            _statistics.FragmentsReassembled++;
            datagram = entry.Buffer;
            length = entry.TotalLength;
            return ReassemblyStatus.Complete;
        }
        return ReassemblyStatus.Pending;
    }

    /// <summary>Drops every datagram whose time-out has passed; returns how many.</summary>
    public int Expire(long now)
    {
        _expired.Clear();
        foreach (var pair in _datagrams)
        {
            if (now >= pair.Value.Deadline)
                _expired.Add(pair.Key);
        }
        foreach (var key in _expired)
        {
            _bytesHeld -= _datagrams[key].Buffer?.Length ?? 0;
            _datagrams.Remove(key);
            _statistics.FragmentsTimedOut++;
        }
        return _expired.Count;
    }

    private ReassemblyStatus Drop(Key key, Datagram entry)
    {
        _statistics.FragmentsOverlapping++;
        _bytesHeld -= entry.Buffer?.Length ?? 0;
        _datagrams.Remove(key);
        return ReassemblyStatus.Dropped;
    }

    private static long Range(int start, int end) => ((long)start << 32) | (uint)end;
    private static int RangeStart(long range) => (int)(range >> 32);
    private static int RangeEnd(long range) => (int)(uint)range;

    private static int LastEnd(Datagram entry) => entry.Ranges.Count == 0 ? 0 : RangeEnd(entry.Ranges[entry.Ranges.Count - 1]);

    /// <summary>0 with the insert index when [start, end) touches nothing held, 1 for an exact duplicate, -1 for an overlap.</summary>
    private static int FindPlace(List<long> ranges, int start, int end, out int index)
    {
        index = 0;
        while (index < ranges.Count && RangeEnd(ranges[index]) <= start)
            index++;
        if (index < ranges.Count && RangeStart(ranges[index]) < end)
        {
            // Ranges are merged, so a repeated fragment lies wholly inside one; anything that
            // reaches outside the bytes it overlaps is a partial overlap.
            bool inside = RangeStart(ranges[index]) <= start && end <= RangeEnd(ranges[index]);
            return inside ? 1 : -1;
        }
        return 0;
    }

    private static void Insert(List<long> ranges, int index, int start, int end)
    {
        // Merge with neighbours that touch, so a complete datagram is one range.
        if (index > 0 && RangeEnd(ranges[index - 1]) == start)
        {
            index--;
            start = RangeStart(ranges[index]);
            ranges.RemoveAt(index);
        }
        if (index < ranges.Count && RangeStart(ranges[index]) == end)
        {
            end = RangeEnd(ranges[index]);
            ranges.RemoveAt(index);
        }
        ranges.Insert(index, Range(start, end));
    }
}
