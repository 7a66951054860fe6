using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>What the <see cref="EscapeSequenceParser"/> recognises, handed to the screen.</summary>
public interface ITerminalParserHandler
{
    /// <summary>A printable Unicode scalar (U+FFFD for ill-formed UTF-8).</summary>
    void Print(int scalar);

    /// <summary>A C0 control character (BEL, BS, HT, LF, VT, FF, CR, SO, SI...).</summary>
    void Execute(byte control);

    /// <summary>An escape sequence: ESC [intermediate] final; <paramref name="intermediate"/> is 0 when there is none.</summary>
    void EscapeDispatch(byte intermediate, byte final);

    /// <summary>
    /// A control sequence: CSI [private marker] parameters [intermediate] final.
    /// An omitted parameter is -1; values are capped at <see cref="EscapeSequenceParser.MaxParameterValue"/>.
    /// </summary>
    void ControlSequenceDispatch(byte privateMarker, byte intermediate, ReadOnlySpan<int> parameters, byte final);

    /// <summary>An operating system command's bytes (between ESC ] and BEL or ST), at most <see cref="EscapeSequenceParser.MaxStringLength"/>.</summary>
    void OperatingSystemCommand(ReadOnlySpan<byte> data);
}
