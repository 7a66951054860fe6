namespace CosmosHybrid.Tools.BenchReport;

/// <summary>
/// One figure of the cost table: <see cref="Key"/> is the row's stable name ("null_syscall"),
/// <see cref="Description"/> what was measured. <see cref="LinuxRow"/> names the row of
/// linux-baseline.txt it compares with (null: none); <see cref="Goal"/> is the floor for it (0: none).
/// </summary>
public sealed record BenchRow(string Key, string Description, double Value, string Unit, string Source)
{
    public string LinuxRow { get; init; }
    public double LinuxValue { get; init; }
    public double Goal { get; init; }

    /// <summary>This figure over Linux's (below 1: cheaper than Linux); null without a Linux figure.</summary>
    public double? RatioToLinux => LinuxRow != null && LinuxValue > 0 ? Value / LinuxValue : null;
}
