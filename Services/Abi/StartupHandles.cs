namespace CosmosHybrid.Services.Abi;

/// <summary>
/// Where a new process finds the handles it was started with: its spawner's list,
/// installed in order from handle 1. Standard input, output and error come first; what
/// else a program receives (an authority, its devices) is agreed with whoever starts it.
/// </summary>
public static class StartupHandles
{
    public const long StandardInput = 1;
    public const long StandardOutput = 2;
    public const long StandardError = 3;

    /// <summary>The first handle after standard I/O.</summary>
    public const long FirstExtra = 4;

    /// <summary>Where the kernel puts the root authority for the first program it starts.</summary>
    public const long RootAuthority = FirstExtra;

    /// <summary>The longest list a spawner may pass.</summary>
    public const int MaxCount = 64;
}
