namespace CosmosHybrid.Arch.X64;

/// <summary>
/// Interrupts off for a scope: <c>using (InterruptsOff.Enter()) { ... }</c> restores the
/// interrupt flag saved at entry on every way out, so an early return cannot leave them off.
/// </summary>
internal readonly ref struct InterruptsOff
{
    private readonly ulong _savedFlags;

    private InterruptsOff(ulong savedFlags) => _savedFlags = savedFlags;

    public static InterruptsOff Enter() => new InterruptsOff(Cpu.DisableInterruptsSaving());

    public void Dispose() => Cpu.RestoreInterrupts(_savedFlags);
}
