namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// What the dispatcher knows of one frame: where it is (rip, rsp) and the registers
/// ILC's code keeps across calls. The layout is shared with ExceptionStubs.asm.
/// </summary>
internal struct RegisterContext
{
    public ulong Rip;
    public ulong Rsp;
    public ulong Rbp;
    public ulong Rbx;
    public ulong R12;
    public ulong R13;
    public ulong R14;
    public ulong R15;
}
