namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// A call of a catch, finally or filter funclet in progress. The funclet-call stubs
/// leave a pointer to it at the top of their stack, so an exception that leaves the
/// funclet can go on from the frame that owns it (<see cref="Frame"/>), after the
/// clause that was running (<see cref="ClauseIndex"/>). The first two fields are
/// shared with ExceptionStubs.asm.
/// </summary>
internal unsafe struct FuncletCall
{
    /// <summary>The registers of the frame that owns the funclet: the funclet runs on its RBP.</summary>
    public RegisterContext Frame;

    /// <summary>Written by RhpCallFilterFunclet: where to return "false" if the filter throws.</summary>
    public ulong FilterStackPointer;

    public uint ClauseIndex;

    /// <summary>True when <see cref="Frame"/>'s rip is a faulting instruction, not a return address.</summary>
    public bool FrameIsFaulting;

    /// <summary>The exception being handled (for `throw;`); the stack is scanned conservatively, so a raw pointer keeps it alive.</summary>
    public void* Exception;
}
