using System;

namespace CosmosHybrid.Services.Terminal.Session;

/// <summary>
/// The shell's standard I/O as a terminal session sees it. In the OS: two kernel pipes and a
/// thread that waits on the output pipe; in tests: two in-memory byte queues.
/// </summary>
public interface IShellChannel
{
    /// <summary>
    /// Moves output the shell has written (and that is here now: this never waits) into
    /// <paramref name="destination"/>; returns how many bytes, 0 when there are none yet,
    /// -1 when the output has ended (the shell is gone).
    /// </summary>
    int ReadOutput(Span<byte> destination);

    /// <summary>Bytes for the shell's standard input; false when nobody reads it any more.</summary>
    bool WriteInput(ReadOnlySpan<byte> bytes);
}
