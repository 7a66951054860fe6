using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>
/// One thread of a process as StopOtherThreads leaves it, for a conservative stack scan:
/// its stack's live part is [StackPointer, StackTop), and Registers holds every user
/// register value that may be its only copy of a reference (zeros where there is none).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct StoppedThread
{
    /// <summary>
    /// The system's cap on threads per process (a process's quota is at most this), so the most
    /// records StopOtherThreads ever fills. Callers start with fewer records and grow them
    /// when StopOtherThreads answers TooManyThreads.
    /// </summary>
    public const int MaxThreads = 1024;

    /// <summary>15 general registers (all but RSP) and xmm0-15 as two words each.</summary>
    public const int RegisterCount = 15 + 16 * 2;

    public ulong StackPointer;
    public ulong StackTop;
    public fixed ulong Registers[RegisterCount];
}
