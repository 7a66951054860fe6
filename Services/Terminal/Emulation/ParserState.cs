namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>The states of <see cref="EscapeSequenceParser"/>, after the DEC VT500 parser's.</summary>
public enum ParserState : byte
{
    /// <summary>Text and C0 controls.</summary>
    Ground,

    /// <summary>After ESC.</summary>
    Escape,

    /// <summary>After ESC and one or more intermediates (0x20-0x2F), as in ESC ( B.</summary>
    EscapeIntermediate,

    /// <summary>Right after CSI (ESC [): a private marker may come.</summary>
    ControlSequenceEntry,

    /// <summary>Reading the numeric parameters of a control sequence.</summary>
    ControlSequenceParameter,

    /// <summary>After an intermediate of a control sequence.</summary>
    ControlSequenceIntermediate,

    /// <summary>A malformed control sequence: everything up to its final byte is dropped.</summary>
    ControlSequenceIgnore,

    /// <summary>Collecting an operating system command (ESC ]) until BEL or ST.</summary>
    OperatingSystemCommand,

    /// <summary>A device control, SOS, PM or APC string: ignored until ST.</summary>
    StringIgnore,
}
