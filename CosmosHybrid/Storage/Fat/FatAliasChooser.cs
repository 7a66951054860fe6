using System;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// Picks a unique 8.3 alias for a new long name the way Windows does, given the short
/// names already in the directory: the basis itself when it lost nothing and is free;
/// otherwise the basis with the smallest free numeric tail <c>~1</c> to <c>~4</c>; once
/// those are taken, the hashed form (the first two characters of the basis, four hex digits
/// of a hash of the long name, then a tail: <c>GR3F1A~1.TXT</c>).
/// </summary>
/// <remarks>
/// Windows' hash function is undocumented; this one is our own (FNV-1a of the UTF-16 code
/// units, folded to 16 bits). Only uniqueness matters: other systems read the alias as a name.
/// Tails are compared as <see cref="FatShortName.ApplyNumericTail"/> makes them, so short
/// names without a tail (mtools writes <c>________.TXT</c>) only collide with the basis itself.
/// </remarks>
internal sealed class FatAliasChooser
{
    /// <summary>Highest tail tried on the basis before the hashed form is used.</summary>
    public const int MaxPlainTail = 4;

    private readonly byte[] _basis = new byte[FatShortName.Length];
    private readonly byte[] _hashed = new byte[FatShortName.Length];
    private readonly List<int> _basisTails = new List<int>();
    private readonly List<int> _hashedTails = new List<int>();
    private bool _needsTail;
    private bool _basisTaken;

    /// <summary>Starts a choice for <paramref name="longName"/>, whose basis is <paramref name="basis"/> (lossy: <paramref name="needsTail"/>).</summary>
    public void Start(ReadOnlySpan<byte> basis, bool needsTail, string longName)
    {
        basis.Slice(0, FatShortName.Length).CopyTo(_basis);
        _needsTail = needsTail;
        _basisTaken = false;
        _basisTails.Clear();
        _hashedTails.Clear();
        MakeHashedBasis(longName);
    }

    /// <summary>Takes note of a short name already in the directory.</summary>
    public void Observe(ReadOnlySpan<byte> existing)
    {
        if (existing.Slice(0, FatShortName.Length).SequenceEqual(_basis))
        {
            _basisTaken = true;
        }

        int tail = FatShortName.GetNumericTail(existing, _basis);
        if (tail > 0)
        {
            _basisTails.Add(tail);
        }

        tail = FatShortName.GetNumericTail(existing, _hashed);
        if (tail > 0)
        {
            _hashedTails.Add(tail);
        }
    }

    /// <summary>Writes the chosen alias to <paramref name="alias"/>.</summary>
    public void Choose(Span<byte> alias)
    {
        new ReadOnlySpan<byte>(_basis).CopyTo(alias);
        if (!_needsTail && !_basisTaken)
        {
            return;
        }

        int number = SmallestFree(_basisTails);
        if (number <= MaxPlainTail)
        {
            FatShortName.ApplyNumericTail(alias, number);
            return;
        }

        new ReadOnlySpan<byte>(_hashed).CopyTo(alias);
        FatShortName.ApplyNumericTail(alias, SmallestFree(_hashedTails));
    }

    /// <summary>The 16-bit hash of a long name that the hashed form shows in hex.</summary>
    public static int Hash(string longName)
    {
        uint hash = 2166136261;
        for (int i = 0; i < longName.Length; i++)
        {
            hash = (hash ^ longName[i]) * 16777619;
        }

        return (int)((hash >> 16) ^ (hash & 0xFFFF));
    }

    // Basis cut to two characters (one when that is all it has), then four hex digits.
    private void MakeHashedBasis(string longName)
    {
        new ReadOnlySpan<byte>(_basis).CopyTo(_hashed);
        int keep = _basis[1] == ' ' ? 1 : 2;
        int hash = Hash(longName);
        for (int i = 0; i < 4; i++)
        {
            int digit = (hash >> (12 - 4 * i)) & 0xF;
            _hashed[keep + i] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
        }

        for (int i = keep + 4; i < 8; i++)
        {
            _hashed[i] = (byte)' ';
        }
    }

    // Among n used tails, one of 1..n+1 is free.
    private static int SmallestFree(List<int> used)
    {
        int number = 1;
        while (used.Contains(number))
        {
            number++;
        }

        return number;
    }
}
