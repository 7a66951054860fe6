using System;

namespace CosmosHybrid.Devices;

/// <summary>
/// The I/O permission bitmap of the task-state segment: one bit per port, 0 = ring 3 may
/// use it. The CPU checks every bit an access covers. The TSS holds one bitmap, loaded
/// for the process that runs: this class remembers which ranges it cleared (a snapshot,
/// so a set that changed since is still undone exactly) and reloads by setting those
/// bits again and clearing the new ones. That costs a few bytes per range, not a copy
/// of 8 KiB.
/// </summary>
public sealed class IoPermissionBitmap
{
    /// <summary>Bytes for all 65536 ports; the CPU also reads one byte past the last, which must be all ones.</summary>
    public const int Bytes = IoPortRange.PortCount / 8;

    private readonly IoPortRange[] _loaded = new IoPortRange[IoPortSet.MaxRanges];
    private int _loadedCount;

    /// <summary>The set whose ranges are loaded (null: none).</summary>
    public IoPortSet LoadedSet { get; private set; }

    /// <summary>Its <see cref="IoPortSet.Version"/> when it was loaded.</summary>
    public int LoadedVersion { get; private set; }

    /// <summary>True when <paramref name="set"/> is loaded as it is now: nothing to copy.</summary>
    public bool IsCurrent(IoPortSet set) => set == LoadedSet && set.Version == LoadedVersion;

    /// <summary>Every port refused, and the byte after the bitmap all ones (<paramref name="bitmap"/> holds <see cref="Bytes"/> + 1).</summary>
    public void Reset(Span<byte> bitmap)
    {
        bitmap.Fill(0xFF);
        _loadedCount = 0;
        LoadedSet = null;
    }

    /// <summary>Loads <paramref name="set"/> (null: no ports) in place of what was loaded.</summary>
    public void Load(Span<byte> bitmap, IoPortSet set)
    {
        for (int i = 0; i < _loadedCount; i++)
            Deny(bitmap, _loaded[i]);
        _loadedCount = 0;
        LoadedSet = set;
        if (set == null)
            return;
        for (int i = 0; i < set.Count; i++)
        {
            _loaded[_loadedCount++] = set[i];
            Allow(bitmap, set[i]);
        }
        LoadedVersion = set.Version;
    }

    /// <summary>Clears the bits of <paramref name="range"/>.</summary>
    public static void Allow(Span<byte> bitmap, IoPortRange range) => Set(bitmap, range, false);

    /// <summary>Sets the bits of <paramref name="range"/>.</summary>
    public static void Deny(Span<byte> bitmap, IoPortRange range) => Set(bitmap, range, true);

    // Bit by bit up to a byte boundary, whole bytes in the middle, bit by bit at the end.
    private static void Set(Span<byte> bitmap, IoPortRange range, bool refused)
    {
        int port = range.First;
        int end = range.End;
        while (port < end && ((port & 7) != 0 || end - port < 8))
        {
            SetBit(bitmap, port, refused);
            port++;
        }
        if (port < end)
        {
            int bytes = (end - port) >> 3;
            bitmap.Slice(port >> 3, bytes).Fill(refused ? (byte)0xFF : (byte)0);
            port += bytes << 3;
        }
        for (; port < end; port++)
            SetBit(bitmap, port, refused);
    }

    private static void SetBit(Span<byte> bitmap, int port, bool refused)
    {
        if (refused)
            bitmap[port >> 3] |= (byte)(1 << (port & 7));
        else
            bitmap[port >> 3] &= (byte)~(1 << (port & 7));
    }

    /// <summary>The CPU's rule: an access of <paramref name="size"/> bytes is allowed when all its bits are clear.</summary>
    public static bool IsAllowed(ReadOnlySpan<byte> bitmap, int port, int size)
    {
        for (int p = port; p < port + size; p++)
        {
            if (p >= IoPortRange.PortCount || (bitmap[p >> 3] & (1 << (p & 7))) != 0)
                return false;
        }
        return true;
    }
}
