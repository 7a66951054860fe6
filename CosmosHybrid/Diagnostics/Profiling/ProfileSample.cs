namespace CosmosHybrid.Diagnostics.Profiling;

/// <summary>
/// One timer-interrupt sample: where the CPU was (<see cref="Rip"/>), the return address one frame
/// up the frame-pointer chain (<see cref="Caller"/>, 0 when there was no frame to follow), and
/// whose code it was (process id, 0 for the kernel).
/// </summary>
internal struct ProfileSample
{
    public ulong Rip;
    public ulong Caller;
    public int ProcessId;
}
