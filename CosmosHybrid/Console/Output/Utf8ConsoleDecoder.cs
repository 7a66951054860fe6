using System;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Console.Output;

/// <summary>
/// Turns UTF-8 console bytes into characters for an output that draws characters (the
/// screen). A character split between two writes is held until its last byte arrives;
/// ill-formed bytes show as U+FFFD, and characters beyond the BMP as U+FFFD too (a cell
/// holds one UTF-16 unit).
/// </summary>
internal sealed class Utf8ConsoleDecoder
{
    private readonly byte[] _pending = new byte[Utf8.MaxBytesPerScalar];
    private int _pendingCount;

    public void Write(byte value, IConsoleOutput output)
    {
        if (_pendingCount == 0 && value < 0x80)
        {
            output.Write((char)value);
            return;
        }
        _pending[_pendingCount++] = value;
        var sequence = new ReadOnlySpan<byte>(_pending, 0, _pendingCount);
        if (_pendingCount < ExpectedLength(_pending[0]))
            return;
        bool valid = Utf8Scalar.TryRead(sequence, 0, out int scalar, out _);
        _pendingCount = 0;
        output.Write(valid && scalar < 0x10000 ? (char)scalar : Utf8.ReplacementCharacter);
    }

    // Bytes of the sequence a lead byte starts; 1 for a byte no sequence starts with (shown at once as U+FFFD).
    private static int ExpectedLength(byte lead) =>
        lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
}
