namespace CosmosHybrid.Scheduling;

/// <summary>How a user thread last entered the kernel, which says where its ring-3 registers are.</summary>
internal enum UserEntryKind : byte
{
    /// <summary>It has not been in ring 3 yet.</summary>
    None,

    /// <summary>Through SYSCALL: a SyscallFrame sits at the top of its kernel stack.</summary>
    SystemCall,

    /// <summary>Through an interrupt or exception: an InterruptFrame sits at the top of its kernel stack.</summary>
    Interrupt,
}
