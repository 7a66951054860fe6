using System;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// What the <c>disktest</c> boot option asks for, parsed from its argument: a
/// comma-separated list of <c>read:LBA[+COUNT]</c> and <c>write:LBA[+COUNT]</c>, where LBA
/// may be <c>last</c> (the disk's last sector), and <c>bench:MIB</c> (time a sequential read
/// of that many MiB from sector 0). With no reads listed, sectors 0 and last
/// are read. Also the test's data pattern and checksum, which the host-side boot test
/// recomputes. Pure, so it is tested on the host.
/// </summary>
public sealed class DiskTestPlan
{
    /// <summary>Stands for the last sector of whichever disk is tested.</summary>
    public const ulong LastSector = ulong.MaxValue;

    public const int MaxReads = 8;

    private readonly ulong[] _readLba = new ulong[MaxReads];
    private readonly int[] _readCount = new int[MaxReads];

    private DiskTestPlan()
    {
    }

    public int ReadCount { get; private set; }

    public bool HasWrite { get; private set; }

    public ulong WriteLba { get; private set; }

    public int WriteSectors { get; private set; }

    /// <summary>MiB to read sequentially for the throughput figure; 0 for none.</summary>
    public int BenchMiB { get; private set; }

    /// <summary>Why the argument was rejected; null when it parsed.</summary>
    public string Error { get; private set; }

    public ulong GetReadLba(int index) => _readLba[index];

    public int GetReadSectors(int index) => _readCount[index];

    /// <summary>Parses the text after <c>disktest=</c> (empty for a bare <c>disktest</c>).</summary>
    public static DiskTestPlan Parse(string arguments)
    {
        var plan = new DiskTestPlan();
        int start = 0;
        arguments = arguments ?? "";
        for (int i = 0; i <= arguments.Length && plan.Error == null; i++)
        {
            if (i < arguments.Length && arguments[i] != ',')
                continue;
            if (i > start)
                plan.Apply(arguments.Substring(start, i - start));
            start = i + 1;
        }
        if (plan.Error == null && plan.ReadCount == 0)
        {
            plan.AddRead(0, 1);
            plan.AddRead(LastSector, 1);
        }
        return plan;
    }

    /// <summary>Turns <see cref="LastSector"/> into the disk's last LBA.</summary>
    public static ulong Resolve(ulong lba, ulong sectorCount) => lba == LastSector ? sectorCount - 1 : lba;

    /// <summary>Byte <paramref name="index"/> of what the test writes to sector <paramref name="lba"/>.</summary>
    public static byte PatternByte(ulong lba, int index) => (byte)(((index * 31) + (int)(lba & 0xFF) + 0x5A) ^ (index >> 8));

    /// <summary>32-bit FNV-1a over the bytes: cheap, order-sensitive, easy to recompute in the test.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint hash = 2166136261;
        for (int i = 0; i < data.Length; i++)
        {
            hash ^= data[i];
            hash *= 16777619;
        }
        return hash;
    }

    private void Apply(string item)
    {
        int colon = item.IndexOf(':');
        if (colon < 0)
        {
            Error = "expected read:LBA or write:LBA, got '" + item + "'";
            return;
        }
        string kind = item.Substring(0, colon);
        string range = item.Substring(colon + 1);
        if (kind == "bench")
        {
            if (!TryParse(range, out ulong mib) || mib == 0 || mib > 4096)
                Error = "bad size in '" + item + "'";
            else
                BenchMiB = (int)mib;
            return;
        }
        int plus = range.IndexOf('+');
        string lbaText = plus < 0 ? range : range.Substring(0, plus);
        ulong count = 1;
        if (plus >= 0 && (!TryParse(range.Substring(plus + 1), out count) || count == 0 || count > 65536))
        {
            Error = "bad sector count in '" + item + "'";
            return;
        }
        ulong lba = LastSector;
        if (lbaText != "last" && !TryParse(lbaText, out lba))
        {
            Error = "bad LBA in '" + item + "'";
            return;
        }
        if (kind == "read")
        {
            if (ReadCount == MaxReads)
                Error = "too many reads";
            else
                AddRead(lba, (int)count);
        }
        else if (kind == "write")
        {
            HasWrite = true;
            WriteLba = lba;
            WriteSectors = (int)count;
        }
        else
        {
            Error = "unknown item '" + kind + "'";
        }
    }

    private void AddRead(ulong lba, int count)
    {
        _readLba[ReadCount] = lba;
        _readCount[ReadCount] = count;
        ReadCount++;
    }

    private static bool TryParse(string text, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 19)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9')
                return false;
            value = value * 10 + (ulong)(c - '0');
        }
        return true;
    }
}
