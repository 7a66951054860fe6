using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>
/// What SpawnEx starts: a command line, the handles the child begins with (see
/// <see cref="StartupHandles"/>), and its quotas. Zero quotas mean the defaults.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct SpawnRequest
{
    /// <summary>UTF-8 "program [arguments]".</summary>
    public ulong CommandLine;
    public long CommandLineLength;

    /// <summary>An array of <see cref="SpawnHandle"/>; entry i becomes the child's handle i + 1.</summary>
    public ulong Handles;
    public long HandleCount;

    /// <summary>How many handles the child may hold at once (0: the default).</summary>
    public long HandleLimit;

    /// <summary>How many threads the child may have at once (0: the default).</summary>
    public long ThreadLimit;
    /// <summary>
    /// An authority with the RaiseQuotas right, or 0. Without it the child's quotas are capped
    /// by the spawner's own; with it, only by the system's limits.
    /// </summary>
    public long Authority;
}

/// <summary>
/// One handle given to a child: a copy of the spawner's <see cref="Handle"/> (which needs
/// the Transfer right) with at most <see cref="Rights"/>. Handle 0 leaves the slot empty.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct SpawnHandle
{
    public long Handle;
    public HandleRights Rights;
}
