namespace CosmosHybrid.Services.Net.Sockets;

/// <summary>
/// A socket as a program holds it: the service's socket number and the generation of the client's
/// session with the service. The generation changes each time the client reconnects to a restarted
/// service, so a handle from before the restart is told apart from a new socket with the same number.
/// </summary>
public static class SocketHandle
{
    private const int GenerationShift = 16;
    private const int IdMask = (1 << GenerationShift) - 1;
    /// <summary>Generations wrap at this mask (the handle stays a positive int).</summary>
    public const int GenerationMask = 0x7FFF;

    public static int Encode(int generation, int serverId) => ((generation & GenerationMask) << GenerationShift) | (serverId & IdMask);

    /// <summary>False for a negative handle or one whose number cannot be a service socket.</summary>
    public static bool TryDecode(int handle, out int generation, out int serverId)
    {
        generation = (handle >> GenerationShift) & GenerationMask;
        serverId = handle & IdMask;
        return handle >= 0 && serverId < NetProtocol.MaxSockets;
    }
}
