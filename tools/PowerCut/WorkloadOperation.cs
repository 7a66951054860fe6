namespace CosmosHybrid.Tools.PowerCut;

/// <summary>One announced operation of the workload: its kind (write, append, patch, rename, delete, sync) and names.</summary>
public readonly record struct WorkloadOperation(int Number, string Kind, string Name, string NewName);
