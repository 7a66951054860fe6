namespace CosmosHybrid.Services.Abi;

/// <summary>
/// The liveness probe init sends to services marked `ping PORT MS` in its manifest: a short call
/// with this tag, to be answered with the same tag. A service that does not answer within the
/// time-out is killed and restarted.
/// </summary>
public static class ServicePing
{
    /// <summary>"ping" in ASCII, far from the small tags the service protocols use.</summary>
    public const ulong Tag = 0x676E_6970;
}
