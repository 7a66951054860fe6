using System;
using CosmosHybrid.Console.Input;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Streams;

/// <summary>
/// The console's input as a stream to write to: what a ring-3 input driver types. Its bytes
/// join the serial line's in <see cref="ConsoleInput"/>, so the shell reads keys from a PS/2
/// keyboard exactly as it reads them from COM1. There is one such object; a handle to it
/// (StreamWrite) comes only from ConsoleInputOpen with an authority holding the ConsoleInput
/// right, which init gives the services whose manifest entry lists `rights consoleinput`.
/// </summary>
internal sealed class ConsoleInputStream : StreamObject
{
    public static ConsoleInputStream Instance { get; } = new ConsoleInputStream();

    private ConsoleInputStream()
    {
    }

    /// <summary>The rights of the handle ConsoleInputOpen returns: write, and pass on.</summary>
    public const HandleRights Rights = HandleRights.StreamWrite | HandleRights.Transfer;

    public override SyscallError Write(ReadOnlySpan<byte> source, out int written)
    {
        // Like keys typed faster than anyone reads: bytes beyond the buffer are dropped and counted.
        ConsoleInput.Inject(source);
        written = source.Length;
        return SyscallError.None;
    }
}
