namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>What one byte fed to a <see cref="Utf8StreamDecoder"/> produced.</summary>
public enum Utf8DecodeResult
{
    /// <summary>The byte began or continued a sequence; nothing to show yet.</summary>
    Pending,

    /// <summary>The byte completed a scalar value.</summary>
    Scalar,

    /// <summary>The byte is ill-formed on its own: show U+FFFD in its place.</summary>
    Invalid,

    /// <summary>
    /// The byte ended an incomplete sequence: show U+FFFD for that sequence, then feed the
    /// byte again (the decoder has forgotten the sequence).
    /// </summary>
    InvalidRetry,
}

/// <summary>
/// Decodes UTF-8 one byte at a time, as bytes arrive from a pipe in chunks of any size.
/// Ill-formed input becomes one U+FFFD per maximal ill-formed subpart (the Unicode
/// standard's recommended practice, as .NET's decoder does): an overlong form, a surrogate,
/// a value above U+10FFFF or a sequence cut short never reaches the screen.
/// </summary>
public struct Utf8StreamDecoder
{
    public const int ReplacementCharacter = 0xFFFD;

    private int _value;
    private int _remaining;
    private byte _lower;
    private byte _upper;

    /// <summary>Whether a multi-byte sequence is incomplete.</summary>
    public bool IsPending => _remaining != 0;

    /// <summary>Forgets an incomplete sequence.</summary>
    public void Reset()
    {
        _remaining = 0;
        _value = 0;
    }

    /// <summary>Feeds one byte; on <see cref="Utf8DecodeResult.Scalar"/> the scalar is in <paramref name="scalar"/>.</summary>
    public Utf8DecodeResult Decode(byte value, out int scalar)
    {
        scalar = 0;
        if (_remaining != 0)
        {
            if (value < _lower || value > _upper)
            {
                Reset();
                return Utf8DecodeResult.InvalidRetry;
            }

            _value = (_value << 6) | (value & 0x3F);
            _lower = 0x80;
            _upper = 0xBF;
            if (--_remaining != 0)
            {
                return Utf8DecodeResult.Pending;
            }

            scalar = _value;
            _value = 0;
            return Utf8DecodeResult.Scalar;
        }

        if (value < 0x80)
        {
            scalar = value;
            return Utf8DecodeResult.Scalar;
        }

        // The second byte's range depends on the lead byte: that rules out overlong forms
        // (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and values past U+10FFFF (F4 90..).
        _lower = 0x80;
        _upper = 0xBF;
        if (value >= 0xC2 && value <= 0xDF)
        {
            _value = value & 0x1F;
            _remaining = 1;
        }
        else if (value >= 0xE0 && value <= 0xEF)
        {
            _value = value & 0x0F;
            _remaining = 2;
            if (value == 0xE0)
            {
                _lower = 0xA0;
            }
            else if (value == 0xED)
            {
                _upper = 0x9F;
            }
        }
        else if (value >= 0xF0 && value <= 0xF4)
        {
            _value = value & 0x07;
            _remaining = 3;
            if (value == 0xF0)
            {
                _lower = 0x90;
            }
            else if (value == 0xF4)
            {
                _upper = 0x8F;
            }
        }
        else
        {
            // A stray continuation byte, C0, C1 or F5..FF.
            return Utf8DecodeResult.Invalid;
        }

        return Utf8DecodeResult.Pending;
    }
}
