namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>
/// Who the frames are aimed at (the guest) and who they claim to come from: a made-up peer on the
/// guest's subnet, not the gateway, so that the guest's ARP entry for its real gateway stays right.
/// Addresses are in network order as bytes.
/// </summary>
public sealed class FuzzTarget
{
    public byte[] GuestMac { get; init; } = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
    public byte[] GuestIp { get; init; } = { 10, 0, 2, 15 };
    public byte[] PeerMac { get; init; } = { 0x52, 0x54, 0x00, 0xF0, 0x22, 0x01 };
    public byte[] PeerIp { get; init; } = { 10, 0, 2, 77 };

    /// <summary>QEMU's user network as the boot tests use it (guest 10.0.2.15, MAC 52:54:00:12:34:56).</summary>
    public static FuzzTarget QemuUserNetwork => new FuzzTarget();
}
