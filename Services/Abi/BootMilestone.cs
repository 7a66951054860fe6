namespace CosmosHybrid.Services.Abi;

/// <summary>The points of the boot that ring 3 reports to the kernel's boot timeline (BootMilestoneReached).</summary>
public enum BootMilestone : long
{
    /// <summary>The shell printed its first prompt: the system is usable.</summary>
    ShellPrompt = 1,
}
