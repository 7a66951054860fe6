namespace CosmosHybrid.Tools.PowerCut;

/// <summary>A file as the workload's last completed sync left it: name, length and FNV-1a 64 of its bytes.</summary>
public readonly record struct SyncedFile(string Name, long Length, ulong Hash);
