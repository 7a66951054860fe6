using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// Where a connection's segments go: the stack wraps them in IPv4 to the connection's remote
/// address. The span is only valid during the call.
/// </summary>
public interface ITcpOutput
{
    /// <summary>
    /// Sends <paramref name="segment"/>; <paramref name="offload"/> says what the NIC still has to
    /// finish (default: it is final), within what <see cref="Offload"/> offered.
    /// </summary>
    void Transmit(TcpConnection connection, ReadOnlySpan<byte> segment, FrameOffload offload);

    /// <summary>
    /// Where a connection builds a data segment before <see cref="Transmit"/>: the place the output
    /// would copy it to (the stack: its frame, after the Ethernet and IPv4 headers), so a full
    /// segment is not copied once more on its way out. Valid until the next Transmit.
    /// </summary>
    Span<byte> SegmentSpace { get; }

    /// <summary>What the path below finishes now (NIC offloads); read per segment, a driver restart can change it.</summary>
    TcpOffload Offload { get; }
}

/// <summary>What a TCP output offers: checksums finished below, and the longest segment (header and data) it cuts at the MSS (0: none).</summary>
public readonly struct TcpOffload
{
    public TcpOffload(bool checksums, int maxSegmentLength)
    {
        Checksums = checksums;
        MaxSegmentLength = maxSegmentLength;
    }

    public bool Checksums { get; }

    public int MaxSegmentLength { get; }
}
