namespace CosmosHybrid.Services.Abi;

/// <summary>How ProfileStop reports the samples.</summary>
[System.Flags]
public enum ProfileReportFlags : long
{
    None = 0,
    /// <summary>Tally by function and caller (one frame up the frame-pointer chain), not by function alone.</summary>
    Callers = 1,
}
