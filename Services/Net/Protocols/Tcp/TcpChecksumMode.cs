namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>What a built TCP segment's checksum field holds.</summary>
public enum TcpChecksumMode
{
    /// <summary>The checksum, final.</summary>
    Full,
    /// <summary>The pseudo-header sum with the segment's length: the NIC adds the segment's bytes.</summary>
    PseudoHeader,
    /// <summary>The pseudo-header sum without a length: the NIC cuts the segment and adds each piece's length and bytes.</summary>
    PseudoHeaderWithoutLength,
}
