using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// The handles <see cref="System.Console"/> reads and writes: standard input, output and
/// error, handles 1 to 3 from the spawner (<see cref="StartupHandles"/>). A program may point
/// them elsewhere for a while: the shell does, to run a builtin with its output redirected.
/// </summary>
internal static class StandardStreams
{
    public static long Input { get; set; } = StartupHandles.StandardInput;

    public static long Output { get; set; } = StartupHandles.StandardOutput;

    public static long Error { get; set; } = StartupHandles.StandardError;
}
