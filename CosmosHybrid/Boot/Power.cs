using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Boot;

/// <summary>
/// Turning the machine off. Under QEMU with `-device isa-debug-exit,iobase=0xf4`
/// a write to that port ends QEMU with exit status (value &lt;&lt; 1) | 1, which is how
/// tests learn the outcome; elsewhere the ACPI power-off ports of QEMU's and
/// Bochs' chipsets are tried, and failing all of that the CPU halts.
/// </summary>
internal static class Power
{
    public const byte SuccessExitCode = 0x10;   // QEMU exits with 33
    public const byte FailureExitCode = 0x11;   // QEMU exits with 35
    public const byte PanicExitCode = 0x12;     // QEMU exits with 37

    private const ushort DebugExitPort = 0xF4;
    private const ushort QemuAcpiPm1aControl = 0x604;   // PIIX4 (pc) and ICH9 (q35) in QEMU
    private const ushort BochsAcpiPm1aControl = 0xB004;
    private const ushort SleepTypeS5Enable = 0x2000;

    /// <summary>Ends QEMU with <paramref name="code"/> (tests, panics); no disk is synced.</summary>
    public static void ExitEmulator(byte code)
    {
        Cpu.OutDword(DebugExitPort, code);
        TurnOff();
    }

    /// <summary>An orderly power-off: the file systems' caches are written to the disks first.</summary>
    public static void PowerOff()
    {
        Storage.StorageError error = Storage.Kernel.KernelFileSystem.SyncAll();
        if (error != Storage.StorageError.Ok)
            Console.Log.KernelLog.WriteLine("power-off: sync failed: " + Storage.StorageErrorText.Describe(error));
        TurnOff();
    }

    private static void TurnOff()
    {
        Cpu.OutWord(QemuAcpiPm1aControl, SleepTypeS5Enable);
        Cpu.OutWord(BochsAcpiPm1aControl, SleepTypeS5Enable);
        Cpu.Halt();
    }
}
