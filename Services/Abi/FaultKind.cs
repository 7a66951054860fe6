namespace CosmosHybrid.Services.Abi;

/// <summary>What the FaultInject system call does to its target process (boot option <c>faultinject</c>).</summary>
public enum FaultKind : long
{
    /// <summary>Let the seed choose the kind as well.</summary>
    Any = -1,

    /// <summary>Flip one bit of one saved user register of one of its threads, at its next entry to the kernel.</summary>
    Register = 0,

    /// <summary>Flip one bit in one of its present code pages (program text).</summary>
    Code = 1,

    /// <summary>Flip one bit in one of its present program data pages (.data, .bss).</summary>
    Data = 2,

    /// <summary>Flip one bit in one of its present heap or stack pages (MapMemory blocks, thread stacks).</summary>
    Heap = 3,

    /// <summary>Make its next few system calls fail with IoError.</summary>
    SystemCalls = 4,
}
