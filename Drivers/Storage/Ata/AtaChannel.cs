using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// One IDE channel: a command block of eight ports and a control port, shared by a
/// master and a slave device, and on a PCI controller with a bus master its DMA engine
/// (<see cref="BusMaster"/>). The channel runs one command at a time (<see cref="Lock"/>).
/// Everything here polls the status register with a deadline: the devices' interrupt
/// line stays disabled (nIEN) except while a DMA command runs.
/// </summary>
internal sealed unsafe class AtaChannel
{
    [DllImport("*", EntryPoint = "ata_read_words"), SuppressGCTransition]
    private static extern void ReadWords(ushort port, ushort* destination, ulong count);

    [DllImport("*", EntryPoint = "ata_write_words"), SuppressGCTransition]
    private static extern void WriteWords(ushort port, ushort* source, ulong count);

    /// <summary>How long a reset may keep the channel busy (ATA allows up to 31 s for a spinning disk).</summary>
    public const ulong ResetTimeoutMilliseconds = 5000;

    private const int PollsBeforeYield = 1000;

    private readonly ushort _io;
    private readonly ushort _control;

    public AtaChannel(string name, ushort commandBase, ushort controlPort)
    {
        Name = name;
        _io = commandBase;
        _control = controlPort;
        Lock = new KernelMutex();
    }

    /// <summary>"primary", "secondary", or "native 0xc000" for a native-mode channel.</summary>
    public string Name { get; }

    public ushort CommandBase => _io;

    public KernelMutex Lock { get; }

    /// <summary>The channel's bus-master DMA engine, or null (no PCI bus master: programmed I/O only).</summary>
    public AtaBusMaster BusMaster { get; private set; }

    public void AttachBusMaster(AtaBusMaster engine) => BusMaster = engine;

    /// <summary>
    /// Lets the devices raise INTRQ (for a DMA command, whose end only the interrupt tells the
    /// bus master), or stops them again (nIEN), as the rest of the driver expects.
    /// </summary>
    public void SetDeviceInterrupts(bool enabled) => Cpu.OutByte(_control, enabled ? (byte)0 : AtaRegisters.ControlNoInterrupts);

    /// <summary>From the IRQ handler: lets the bus master take its device's interrupt, if it was this channel's.</summary>
    public void HandleInterrupt() => BusMaster?.HandleInterrupt((ushort)(_io + AtaRegisters.Status));

    /// <summary>Status without side effects (the alternate status register).</summary>
    public byte AlternateStatus => Cpu.InByte(_control);

    /// <summary>Status; reading it also acknowledges a pending device interrupt.</summary>
    public byte Status => Cpu.InByte((ushort)(_io + AtaRegisters.Status));

    /// <summary>True when nothing drives the bus: no controller or no device decodes these ports.</summary>
    public bool IsFloating => Status == AtaRegisters.FloatingBus && AlternateStatus == AtaRegisters.FloatingBus;

    public byte ReadRegister(ushort offset) => Cpu.InByte((ushort)(_io + offset));

    public void WriteRegister(ushort offset, byte value) => Cpu.OutByte((ushort)(_io + offset), value);

    /// <summary>
    /// Software reset of both devices: SRST for at least 5 µs, then wait for BSY to
    /// clear. Also sets nIEN, so the devices never raise INTRQ while we poll, and stops
    /// the bus master, which a failed DMA command may have left running.
    /// </summary>
    public StorageError Reset()
    {
        BusMaster?.Stop();
        Cpu.OutByte(_control, AtaRegisters.ControlSoftwareReset | AtaRegisters.ControlNoInterrupts);
        IoDelay.Microseconds(10);
        Cpu.OutByte(_control, AtaRegisters.ControlNoInterrupts);
        IoDelay.Milliseconds(2);
        IoDeadline deadline = IoDeadline.After(ResetTimeoutMilliseconds);
        return WaitWhileBusy(ref deadline);
    }

    /// <summary>Writes the device register (drive select plus LBA bits), then waits the 400 ns the device needs to answer.</summary>
    public void Select(int drive, byte bits)
    {
        WriteRegister(AtaRegisters.Device, (byte)(bits | (drive != 0 ? AtaRegisters.DeviceSlave : 0)));
        Settle();
    }

    /// <summary>About 400 ns: each alternate-status read takes ~100 ns on the bus.</summary>
    public void Settle()
    {
        for (int i = 0; i < 4; i++)
            _ = AlternateStatus;
    }

    /// <summary>
    /// Waits until BSY clears; <see cref="StorageError.IoError"/> on time-out. A long wait
    /// (a disk spinning up) yields the CPU between bursts of polls instead of hogging it.
    /// </summary>
    public StorageError WaitWhileBusy(ref IoDeadline deadline)
    {
        int polls = 0;
        while ((AlternateStatus & AtaStatus.Busy) != 0)
        {
            if (deadline.Expired())
                return StorageError.IoError;
            if (++polls % PollsBeforeYield == 0 && (Cpu.ReadFlags() & Cpu.InterruptFlag) != 0)
                Scheduler.Yield();
        }
        return StorageError.Ok;
    }

    /// <summary>
    /// Waits for the device to offer or accept a block of data (BSY clear, DRQ set).
    /// ERR or DF, or BSY and DRQ both clear (the command ended without data), are errors.
    /// </summary>
    public StorageError WaitForData(ref IoDeadline deadline)
    {
        Settle();
        if (WaitWhileBusy(ref deadline) != StorageError.Ok)
            return StorageError.IoError;
        byte status = AlternateStatus;
        if ((status & AtaStatus.Failed) != 0 || (status & AtaStatus.DataRequest) == 0)
            return StorageError.IoError;
        return StorageError.Ok;
    }

    /// <summary>Waits for the end of a command and checks it (BSY clear, no ERR/DF, no data left).</summary>
    public StorageError WaitForCompletion(ref IoDeadline deadline)
    {
        Settle();
        if (WaitWhileBusy(ref deadline) != StorageError.Ok)
            return StorageError.IoError;
        byte status = Status;
        return (status & (AtaStatus.Failed | AtaStatus.DataRequest)) != 0 ? StorageError.IoError : StorageError.Ok;
    }

    public void ReadData(ushort* destination, int words) => ReadWords((ushort)(_io + AtaRegisters.Data), destination, (ulong)words);

    public void WriteData(ushort* source, int words) => WriteWords((ushort)(_io + AtaRegisters.Data), source, (ulong)words);
}
