using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// The bus-master DMA engine of one IDE channel: its registers, a page for the PRD table
/// and a bounce buffer. The drive programs the task file; this class describes the memory,
/// starts and stops the engine and waits for the device's interrupt (<see cref="HandleInterrupt"/>
/// wakes the waiting thread; without a routed IRQ the engine's status is polled every
/// millisecond). The channel lock serialises its use.
/// </summary>
internal sealed unsafe class AtaBusMaster
{
    /// <summary>Bytes of the bounce buffer: one 28-bit command's most (256 sectors).</summary>
    public const int BounceBytes = 128 * 1024;

    private readonly ushort _base;
    private readonly CompletionWait _wait = new CompletionWait();
    private byte* _table;
    private uint _tablePhysical;

    // Status bits the interrupt handler took (and cleared), for the waiting thread; interrupts off on both sides.
    private byte _interruptStatus;

    private AtaBusMaster(ushort ioBase, int irq)
    {
        _base = ioBase;
        Irq = irq;
    }

    /// <summary>The 8259 line the channel's device interrupt arrives on, or -1 (then the engine is polled).</summary>
    public int Irq { get; }

    public byte* Bounce { get; private set; }

    public ulong BouncePhysical { get; private set; }

    /// <summary>Interrupts taken for this channel's transfers.</summary>
    public ulong InterruptCount { get; private set; }

    public byte Status => Cpu.InByte((ushort)(_base + BusMasterRegisters.Status));

    /// <summary>The engine at <paramref name="ioBase"/> with its memory, or null when memory below 4 GiB ran out.</summary>
    public static AtaBusMaster Create(ushort ioBase, int irq)
    {
        var engine = new AtaBusMaster(ioBase, irq);
        engine._table = (byte*)KernelPages.Allocate(1);
        engine.Bounce = (byte*)KernelPages.Allocate(BounceBytes / KernelPages.PageSize);
        if (engine._table == null || engine.Bounce == null
            || !AddressSpaceLayout.IsDirectMapped((ulong)engine._table) || !AddressSpaceLayout.IsDirectMapped((ulong)engine.Bounce))
            return null;
        engine._tablePhysical = (uint)AddressSpaceLayout.VirtualToPhysical((ulong)engine._table);
        engine.BouncePhysical = AddressSpaceLayout.VirtualToPhysical((ulong)engine.Bounce);
        engine.Stop();
        return engine;
    }

    /// <summary>
    /// Describes <paramref name="byteCount"/> bytes at <paramref name="physical"/> (contiguous)
    /// in the PRD table and arms the engine for the direction; the transfer begins at
    /// <see cref="Start"/>, after the command is written. False when the memory cannot be described.
    /// </summary>
    public bool Prepare(ulong physical, ulong byteCount, bool toMemory)
    {
        if (PrdTable.Write(new Span<byte>(_table, (int)KernelPages.PageSize), physical, byteCount) < 0)
            return false;
        Cpu.OutByte((ushort)(_base + BusMasterRegisters.Command), 0);
        Cpu.OutDword((ushort)(_base + BusMasterRegisters.PrdTableAddress), _tablePhysical);
        Cpu.OutByte((ushort)(_base + BusMasterRegisters.Command), toMemory ? BusMasterRegisters.CommandToMemory : (byte)0);
        ClearStatus(BusMasterRegisters.StatusInterrupt | BusMasterRegisters.StatusError);
        _interruptStatus = 0;
        return true;
    }

    /// <summary>Sets the start bit; the out instruction orders the PRD table's stores before it.</summary>
    public void Start(bool toMemory) =>
        Cpu.OutByte((ushort)(_base + BusMasterRegisters.Command),
            (byte)(BusMasterRegisters.CommandStart | (toMemory ? BusMasterRegisters.CommandToMemory : 0)));

    /// <summary>Clears the start bit and the interrupt and error bits: the engine is idle and ready to be armed again.</summary>
    public void Stop()
    {
        Cpu.OutByte((ushort)(_base + BusMasterRegisters.Command), 0);
        ClearStatus(BusMasterRegisters.StatusInterrupt | BusMasterRegisters.StatusError);
    }

    /// <summary>
    /// Waits until the device interrupts (the command ended, well or not) or the engine
    /// reports an error; the status bits seen, or 0 when the deadline passed first. Call with
    /// interrupts off: they stay off between the checks, so the handler's wake-up cannot be missed.
    /// </summary>
    public byte WaitForInterrupt(ref IoDeadline deadline)
    {
        ulong slice = Irq >= 0 ? CompletionWait.InterruptSliceMilliseconds : CompletionWait.PollSliceMilliseconds;
        while (true)
        {
            byte status = (byte)(_interruptStatus | Status);
            if ((status & (BusMasterRegisters.StatusInterrupt | BusMasterRegisters.StatusError)) != 0)
                return status;
            if (deadline.RemainingMilliseconds == 0)
                return 0;
            _wait.Sleep(slice);
        }
    }

    /// <summary>
    /// From the channel's IRQ handler: when this engine's device interrupted, take and clear
    /// the status bits, acknowledge the device (reading its status register lowers INTRQ, so a
    /// level-triggered line goes quiet) and wake the waiting thread.
    /// </summary>
    public void HandleInterrupt(ushort deviceStatusPort)
    {
        byte status = Status;
        byte taken = (byte)(status & (BusMasterRegisters.StatusInterrupt | BusMasterRegisters.StatusError));
        if (taken == 0)
            return;
        _ = Cpu.InByte(deviceStatusPort);
        ClearStatus(taken);
        _interruptStatus |= status;
        InterruptCount++;
        _wait.Wake();
    }

    // Interrupt and error are write-one-to-clear; the firmware's drive-capable bits are written back as they are.
    private void ClearStatus(byte bits)
    {
        byte keep = (byte)(Status & (BusMasterRegisters.StatusDrive0Capable | BusMasterRegisters.StatusDrive1Capable));
        Cpu.OutByte((ushort)(_base + BusMasterRegisters.Status), (byte)(keep | bits));
    }
}
