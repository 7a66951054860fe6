using System.Collections.Generic;

namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// Puts the measured rows beside Linux's figures and the floors: the goals each row should
/// come near (issue 16, "The floors"), and the Linux rows of the boot figures, which the guest cannot name.
/// </summary>
public static class CostTable
{
    /// <summary>Goals in the row's unit: about what the hardware path itself costs under -icount shift=0.</summary>
    public static readonly IReadOnlyDictionary<string, double> Floors = new Dictionary<string, double>
    {
        ["null_syscall"] = 80,
        ["ctx_switch"] = 400,
        ["ipc_call_rtt"] = 800,
        ["page_fault"] = 900,
        ["file_read_4k_ramdisk"] = 1_000,
        ["file_read_4k_disk"] = 1_000,
        ["spawn_exit_wait_module"] = 60_000,
        ["spawn_exit_wait_file"] = 60_000,
        ["boot_first_ring3"] = 100_000_000,
    };

    // Rows measured outside the bench program, and the Linux figure each compares with.
    private static readonly Dictionary<string, string> s_linuxRowsOfBootFigures = new()
    {
        ["boot_kernel_entry"] = "firmware_to_kernel",
        ["boot_first_ring3"] = "boot_to_init",
    };

    /// <summary>
    /// Every row with its goal and, where it has one, its Linux figure as the baseline file has it
    /// (a row naming a Linux row the file lacks loses the comparison rather than show a stale figure).
    /// </summary>
    public static List<BenchRow> Compare(IEnumerable<BenchRow> rows, LinuxBaseline linux)
    {
        var compared = new List<BenchRow>();
        foreach (BenchRow row in rows)
        {
            string linuxRow = row.LinuxRow ?? (s_linuxRowsOfBootFigures.TryGetValue(row.Key, out string bootRow) ? bootRow : null);
            BenchRow result = row with { LinuxRow = null, LinuxValue = 0, Goal = Floors.TryGetValue(row.Key, out double goal) ? goal : 0 };
            if (linuxRow != null && linux.Figures.TryGetValue(linuxRow, out double value))
                result = result with { LinuxRow = linuxRow, LinuxValue = value };
            compared.Add(result);
        }
        return compared;
    }
}
