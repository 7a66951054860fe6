namespace CosmosHybrid.Services.Fs.Placement;

/// <summary>Prints two placements' figures side by side, one row each, with their ratio (second / first).</summary>
internal static class PlacementReport
{
    /// <summary>
    /// Rows start with <paramref name="prefix"/> ("bench: " for `./build.sh bench`); the columns are
    /// named by <paramref name="first"/> and <paramref name="second"/>.
    /// </summary>
    public static void Print(string prefix, string first, PlacementFigures a, string second, PlacementFigures b)
    {
        System.Console.WriteLine(prefix + "file placement | " + first + " | " + second + " | ratio second/first (rdtsc ticks; instructions under -icount shift=0)");
        Row(prefix, "file_read_4k (pread of 4 KiB cached)", a.CachedRead4K, b.CachedRead4K);
        Row(prefix, "file_read_seq (4 MiB in 64 KiB reads, per 64 KiB)", a.SequentialRead, b.SequentialRead);
        Row(prefix, "file_write_seq (4 MiB in 64 KiB writes + sync, per 64 KiB)", a.SequentialWrite, b.SequentialWrite);
        Row(prefix, "file_create (empty file)", a.Create, b.Create);
        Row(prefix, "file_stat", a.Stat, b.Stat);
        Row(prefix, "file_unlink (empty file)", a.Unlink, b.Unlink);
    }

    private static void Row(string prefix, string name, ulong a, ulong b)
    {
        string ratio = a == 0 || b == 0 ? "-" : Ratio(b, a);
        System.Console.WriteLine(prefix + name + " | " + a.ToString() + " | " + b.ToString() + " | " + ratio);
    }

    // x/y with two decimals, in integers.
    private static string Ratio(ulong x, ulong y)
    {
        ulong hundredths = (x * 100 + y / 2) / y;
        ulong fraction = hundredths % 100;
        return (hundredths / 100).ToString() + "." + (fraction < 10 ? "0" : "") + fraction.ToString();
    }
}
