using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// What the <see cref="EscapeSequenceParser"/> recognises, handed to the screen.
/// </summary>
/// <remarks>
/// An abstract class rather than an interface: the parser calls it for every byte, and the
/// core library resolves each interface call anew, while a virtual call is one load.
/// </remarks>
public abstract class TerminalParserHandler
{
    /// <summary>A printable Unicode scalar (U+FFFD for ill-formed UTF-8).</summary>
    protected internal abstract void Print(int scalar);

    /// <summary>A run of printable ASCII (0x20-0x7E); by default one <see cref="Print"/> each.</summary>
    protected internal virtual void PrintAscii(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Print(text[i]);
        }
    }

    /// <summary>A C0 control character (BEL, BS, HT, LF, VT, FF, CR, SO, SI...).</summary>
    protected internal abstract void Execute(byte control);

    /// <summary>An escape sequence: ESC [intermediate] final; <paramref name="intermediate"/> is 0 when there is none.</summary>
    protected internal abstract void EscapeDispatch(byte intermediate, byte final);

    /// <summary>
    /// A control sequence: CSI [private marker] parameters [intermediate] final.
    /// An omitted parameter is -1; values are capped at <see cref="EscapeSequenceParser.MaxParameterValue"/>.
    /// </summary>
    protected internal abstract void ControlSequenceDispatch(byte privateMarker, byte intermediate, ReadOnlySpan<int> parameters, byte final);

    /// <summary>An operating system command's bytes (between ESC ] and BEL or ST), at most <see cref="EscapeSequenceParser.MaxStringLength"/>.</summary>
    protected internal abstract void OperatingSystemCommand(ReadOnlySpan<byte> data);
}
