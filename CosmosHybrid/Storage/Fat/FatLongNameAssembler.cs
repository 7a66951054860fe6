using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Collects the long-name slots met while scanning a directory and decides whether they
/// form a valid name for the short entry that follows: ordinals must count down without
/// gaps from the slot flagged "last" to 1, and every checksum must match the short name.
/// Anything else (orphans left by non-VFAT software, damage) is dropped and the 8.3 name
/// is used instead.
/// </summary>
internal sealed class FatLongNameAssembler
{
    private readonly char[] _chars = new char[FatLongNameEntry.MaxEntries * FatLongNameEntry.CharsPerEntry];
    private bool _active;
    private int _nextOrdinal;
    private byte _checksum;
    private int _firstSlot;
    private int _length;

    /// <summary>Forgets any partial name.</summary>
    public void Reset()
    {
        _active = false;
        _length = 0;
    }

    /// <summary>Feeds the long-name slot at directory index <paramref name="slot"/>.</summary>
    public void Add(ReadOnlySpan<byte> entry, int slot)
    {
        int ordinal = FatLongNameEntry.GetOrdinal(entry);
        if (FatLongNameEntry.IsLast(entry))
        {
            _active = false;
            if (ordinal == 0 || ordinal > FatLongNameEntry.MaxEntries)
            {
                return;
            }

            Span<char> part = Part(ordinal);
            FatLongNameEntry.ReadChars(entry, part);
            int used = 0;
            while (used < FatLongNameEntry.CharsPerEntry && part[used] != '\0')
            {
                used++;
            }

            _length = (ordinal - 1) * FatLongNameEntry.CharsPerEntry + used;
            if (_length == 0 || _length > FatName.MaxLength)
            {
                return;
            }

            _active = true;
            _checksum = FatLongNameEntry.GetChecksum(entry);
            _firstSlot = slot;
            _nextOrdinal = ordinal - 1;
            return;
        }

        if (!_active || ordinal != _nextOrdinal || ordinal == 0 || FatLongNameEntry.GetChecksum(entry) != _checksum)
        {
            Reset();
            return;
        }

        FatLongNameEntry.ReadChars(entry, Part(ordinal));
        _nextOrdinal = ordinal - 1;
    }

    /// <summary>
    /// Called at the short entry: true when the collected slots form a complete name for
    /// <paramref name="shortName"/>. The assembler is reset either way, but the name stays
    /// readable through <see cref="Name"/> until the next <see cref="Add"/>.
    /// </summary>
    public bool TryComplete(ReadOnlySpan<byte> shortName, out int firstSlot)
    {
        bool complete = _active && _nextOrdinal == 0 && FatLongNameEntry.ComputeChecksum(shortName) == _checksum;
        firstSlot = complete ? _firstSlot : -1;
        _active = false;
        if (!complete)
        {
            _length = 0;
        }

        return complete;
    }

    /// <summary>The name completed by the last successful <see cref="TryComplete"/>.</summary>
    public ReadOnlySpan<char> Name => new ReadOnlySpan<char>(_chars).Slice(0, _length);

    // The 13 code units held by the slot with this ordinal.
    private Span<char> Part(int ordinal) =>
        new Span<char>(_chars, (ordinal - 1) * FatLongNameEntry.CharsPerEntry, FatLongNameEntry.CharsPerEntry);
}
