namespace CosmosHybrid.Services.Abi.Text;

/// <summary>The outcome of a strict UTF-8 conversion.</summary>
public enum Utf8Status
{
    /// <summary>Everything was converted.</summary>
    Ok,

    /// <summary>
    /// The input is not well-formed: a truncated or overlong sequence, an encoded surrogate,
    /// a code point above U+10FFFF, a 5- or 6-byte form, a stray byte, or (when encoding)
    /// an unpaired UTF-16 surrogate.
    /// </summary>
    Invalid,

    /// <summary>The destination is too small for the result.</summary>
    DestinationTooSmall,
}
