using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Reads the live entries of a directory in order, each with its long name (if it has a
/// valid one) and the location of its slots. Skips free slots, long-name slots and the
/// volume label; stops at the end marker. "." and ".." are returned (see
/// <see cref="IsDotEntry"/>).
/// </summary>
internal sealed class FatDirectoryReader
{
    private readonly FatDirectoryCursor _cursor;
    private readonly FatLongNameAssembler _longName = new FatLongNameAssembler();
    private readonly bool _fat32;
    private uint _directoryCluster;
    private bool _hasLongName;
    private int _firstSlot;

    public FatDirectoryReader(FatDirectoryCursor cursor, bool fat32)
    {
        _cursor = cursor;
        _fat32 = fat32;
    }

    /// <summary>The current entry's 32-byte short entry (valid until <see cref="Next"/>).</summary>
    public ReadOnlySpan<byte> ShortEntry => _cursor.Entry;

    /// <summary>The current entry's long name, empty when it has none.</summary>
    public ReadOnlySpan<char> LongName => _hasLongName ? _longName.Name : default;

    /// <summary>True for the "." and ".." entries.</summary>
    public bool IsDotEntry => FatShortEntry.IsDot(_cursor.Entry) || FatShortEntry.IsDotDot(_cursor.Entry);

    /// <summary>Where the current entry's slots are.</summary>
    public FatEntryLocation Location =>
        new FatEntryLocation(_directoryCluster, _firstSlot, _cursor.Index, _cursor.Sector, _cursor.Offset);

    /// <summary>Starts reading the directory whose first cluster is given (0: the root).</summary>
    public void Start(uint directoryCluster)
    {
        _directoryCluster = directoryCluster;
        _cursor.Start(directoryCluster);
        _longName.Reset();
        _hasLongName = false;
    }

    /// <summary>Advances to the next live entry; <paramref name="end"/> is set when there is none.</summary>
    public StorageError Next(out bool end)
    {
        _hasLongName = false;
        while (true)
        {
            StorageError error = _cursor.Next(out end);
            if (error != StorageError.Ok || end)
            {
                return error;
            }

            Span<byte> entry = _cursor.Entry;
            if (FatShortEntry.IsEnd(entry))
            {
                end = true;
                return StorageError.Ok;
            }

            if (FatShortEntry.IsDeleted(entry))
            {
                _longName.Reset();
                continue;
            }

            if (FatShortEntry.IsLongName(entry))
            {
                _longName.Add(entry, _cursor.Index);
                continue;
            }

            if (FatShortEntry.IsVolumeLabel(entry))
            {
                _longName.Reset();
                continue;
            }

            _hasLongName = _longName.TryComplete(FatShortEntry.GetName(entry), out int firstSlot);
            _firstSlot = _hasLongName ? firstSlot : _cursor.Index;
            return StorageError.Ok;
        }
    }

    /// <summary>True when <paramref name="name"/> matches the long or the 8.3 name, ignoring case.</summary>
    public bool NameEquals(string name)
    {
        if (_hasLongName && FatName.EqualsIgnoreCase(_longName.Name, name))
        {
            return true;
        }

        Span<char> shortName = stackalloc char[FatShortName.MaxDisplayLength];
        ReadOnlySpan<byte> entry = _cursor.Entry;
        int length = FatShortName.Format(FatShortEntry.GetName(entry), FatShortEntry.GetCaseFlags(entry), shortName);
        return FatName.EqualsIgnoreCase(shortName.Slice(0, length), name);
    }

    /// <summary>Builds the public description of the current entry.</summary>
    public FatEntryInfo ToInfo()
    {
        ReadOnlySpan<byte> entry = _cursor.Entry;
        string shortName = FatShortName.ToDisplayString(FatShortEntry.GetName(entry), FatShortEntry.GetCaseFlags(entry));
        string name = _hasLongName ? new string(_longName.Name) : shortName;
        return new FatEntryInfo(
            name,
            shortName,
            FatShortEntry.GetAttributes(entry),
            FatShortEntry.GetFileSize(entry),
            FatShortEntry.GetFirstCluster(entry, _fat32),
            FatShortEntry.GetCreated(entry),
            FatShortEntry.GetModified(entry),
            FatShortEntry.GetAccessDate(entry));
    }
}
