using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Drivers.Mmio;
using CosmosHybrid.Memory;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// One port of an AHCI HBA: its command list, received-FIS area and command table
/// (one 4 KiB page), a DMA bounce buffer, and the command engine's life cycle. Commands
/// run one at a time in slot 0. The issuing thread sleeps until the port's interrupt
/// wakes it (<see cref="HandleInterrupt"/>) or a short poll interval passes, so a lost
/// or unrouted interrupt costs latency, never a hang; a command that does not finish
/// in time, or ends with an error, is reported as <see cref="StorageError.IoError"/> and
/// the port is recovered (engine restart, command list override or COMRESET).
/// </summary>
internal sealed unsafe class AhciPort
{
    /// <summary>Bytes of the bounce buffer: the most one bounced command moves.</summary>
    public const int BounceBytes = 64 * 1024;


    // Layout of the port page: command list (32 headers, 1 KiB-aligned), received FIS
    // (256-byte aligned), and the command table of slot 0 (128-byte aligned) with its PRDT.
    private const int CommandListOffset = 0x000;
    private const int ReceivedFisOffset = 0x400;
    private const int CommandTableOffset = 0x800;
    private const int PrdtBytes = (int)KernelPages.PageSize - CommandTableOffset - AhciCommandBuilder.CommandTablePrdtOffset;

    /// <summary>PRDs that fit after the command table header in the page: 120.</summary>
    public const int MaxPrdEntries = PrdtBytes / AhciCommandBuilder.PrdEntrySize;

    private const ulong EngineTimeoutMilliseconds = 500;     // AHCI 1.3.1 §10.1.2: CR/FR clear within 500 ms
    private const ulong CommandTimeoutMilliseconds = 10000;
    private const ulong FlushTimeoutMilliseconds = 30000;
    private const ulong DeviceReadyTimeoutMilliseconds = 5000;

    private readonly AhciController _hba;
    private readonly ulong _registers;
    private byte* _page;
    private ulong _pagePhysical;
    private byte* _bounce;
    private ulong _bouncePhysical;

    // Written by the interrupt handler (interrupts off) and read by the waiting thread with interrupts off.
    private uint _interruptStatus;
    private readonly CompletionWait _wait = new CompletionWait();

    public AhciPort(AhciController hba, int number, ulong registers)
    {
        _hba = hba;
        Number = number;
        _registers = registers;
        Lock = new KernelMutex();
    }

    public int Number { get; }

    public AhciController Controller => _hba;

    /// <summary>Held by the disk for a whole command (and across chunks of one request).</summary>
    public KernelMutex Lock { get; }

    /// <summary>Bounce buffer for transfers whose memory the HBA cannot reach directly (kernel stacks, unaligned spans).</summary>
    public byte* Bounce => _bounce;

    public ulong BouncePhysical => _bouncePhysical;

    /// <summary>Port interrupts handled (completions and errors).</summary>
    public ulong InterruptCount { get; private set; }

    /// <summary>Commands that ended with an error or a time-out.</summary>
    public ulong ErrorCount { get; private set; }

    public uint Signature => Read(AhciPortRegisters.Signature);

    public uint DeviceDetection => Read(AhciPortRegisters.SataStatus) & AhciPortRegisters.SstsDetectionMask;

    public byte TaskFileStatus => (byte)Read(AhciPortRegisters.TaskFileData);

    /// <summary>A device is attached and the link is up (DET = 3).</summary>
    public bool HasDevice => DeviceDetection == AhciPortRegisters.SstsDevicePresent;

    /// <summary>
    /// Stops the engines, gives the port its memory (command list and FIS area), spins
    /// the device up when the HBA staggers spin-up, clears stale errors and starts FIS
    /// reception so the device's signature and status arrive. False when memory ran out
    /// or the engines would not stop.
    /// </summary>
    public bool Prepare(bool staggeredSpinUp)
    {
        if (!StopEngines())
            return false;
        _page = (byte*)KernelPages.Allocate(1);
        _bounce = (byte*)KernelPages.Allocate(BounceBytes / KernelPages.PageSize);
        if (_page == null || _bounce == null
            || !AddressSpaceLayout.IsDirectMapped((ulong)_page) || !AddressSpaceLayout.IsDirectMapped((ulong)_bounce))
            return false;
        _pagePhysical = AddressSpaceLayout.VirtualToPhysical((ulong)_page);
        _bouncePhysical = AddressSpaceLayout.VirtualToPhysical((ulong)_bounce);

        ulong commandList = _pagePhysical + CommandListOffset;
        ulong receivedFis = _pagePhysical + ReceivedFisOffset;
        Write(AhciPortRegisters.CommandListBase, (uint)commandList);
        Write(AhciPortRegisters.CommandListBaseUpper, (uint)(commandList >> 32));
        Write(AhciPortRegisters.FisBase, (uint)receivedFis);
        Write(AhciPortRegisters.FisBaseUpper, (uint)(receivedFis >> 32));

        if (staggeredSpinUp)
            Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) | AhciPortRegisters.CmdSpinUp | AhciPortRegisters.CmdPowerOn);
        Write(AhciPortRegisters.SataError, 0xFFFF_FFFF);
        Write(AhciPortRegisters.InterruptStatus, 0xFFFF_FFFF);
        Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) | AhciPortRegisters.CmdFisReceiveEnable);
        return true;
    }

    /// <summary>Waits until the device has left BSY/DRQ (it sent its first status); false on time-out.</summary>
    public bool WaitForDeviceReady()
    {
        IoDeadline deadline = IoDeadline.After(DeviceReadyTimeoutMilliseconds);
        while ((TaskFileStatus & (AtaStatus.Busy | AtaStatus.DataRequest)) != 0)
        {
            if (deadline.Expired())
                return false;
            IoDelay.Milliseconds(1);
        }
        return true;
    }

    /// <summary>Enables the port's interrupts and starts its command engine.</summary>
    public bool Start()
    {
        Write(AhciPortRegisters.InterruptStatus, 0xFFFF_FFFF);
        Write(AhciPortRegisters.InterruptEnable, AhciPortRegisters.InterruptsWanted);
        return StartEngine();
    }

    /// <summary>
    /// Runs one ATA command in slot 0 and waits for it. <paramref name="byteCount"/> bytes move
    /// between the device and physically contiguous memory at <paramref name="dataPhysical"/>
    /// (none when 0). The caller holds <see cref="Lock"/>.
    /// </summary>
    public StorageError Execute(byte command, ulong lba, ushort count, byte device, ulong dataPhysical, ulong byteCount, bool write)
    {
        byte* table = _page + CommandTableOffset;
        var prdt = new Span<byte>(table + AhciCommandBuilder.CommandTablePrdtOffset, PrdtBytes);
        int prdCount = 0;
        if (byteCount != 0)
        {
            prdCount = AhciCommandBuilder.WritePrdTable(prdt, dataPhysical, byteCount, MaxPrdEntries);
            if (prdCount < 0)
                return StorageError.InvalidArgument;
        }
        AhciCommandBuilder.WriteRegisterFis(new Span<byte>(table + AhciCommandBuilder.CommandTableFisOffset, 64), command, lba, count, device);
        AhciCommandBuilder.WriteCommandHeader(new Span<byte>(_page + CommandListOffset, AhciCommandBuilder.CommandHeaderSize),
            write, prdCount, _pagePhysical + CommandTableOffset);

        if ((TaskFileStatus & (AtaStatus.Busy | AtaStatus.DataRequest)) != 0 && Recover() != StorageError.Ok)
            return Fail();

        ulong timeout = command == AtaCommand.FlushCacheExt || command == AtaCommand.FlushCache ? FlushTimeoutMilliseconds : CommandTimeoutMilliseconds;
        ulong flags = Cpu.DisableInterruptsSaving();
        _interruptStatus = 0;
        Write(AhciPortRegisters.InterruptStatus, 0xFFFF_FFFF);
        // The volatile write orders the structures above before the doorbell.
        Write(AhciPortRegisters.CommandIssue, 1);
        StorageError result = WaitForCompletion(timeout);
        Cpu.RestoreInterrupts(flags);

        if (result == StorageError.Ok && (TaskFileStatus & AtaStatus.Failed) != 0)
            result = StorageError.IoError;
        if (result != StorageError.Ok)
        {
            Recover();
            return Fail();
        }
        return StorageError.Ok;
    }

    /// <summary>Called by the controller's interrupt handler when IS has this port's bit set.</summary>
    public void HandleInterrupt()
    {
        uint status = Read(AhciPortRegisters.InterruptStatus);
        Write(AhciPortRegisters.InterruptStatus, status);
        _interruptStatus |= status;
        InterruptCount++;
        _wait.Wake();
    }

    // Interrupts are off. Sleeps in short slices; the interrupt handler cuts a slice short.
    private StorageError WaitForCompletion(ulong timeoutMilliseconds)
    {
        IoDeadline deadline = IoDeadline.After(timeoutMilliseconds);
        ulong slice = _hba.Irq >= 0 ? CompletionWait.InterruptSliceMilliseconds : CompletionWait.PollSliceMilliseconds;
        while (true)
        {
            uint status = _interruptStatus | Read(AhciPortRegisters.InterruptStatus);
            if ((status & AhciPortRegisters.IsErrors) != 0)
                return StorageError.IoError;
            if ((Read(AhciPortRegisters.CommandIssue) & 1) == 0)
                return StorageError.Ok;
            if (deadline.RemainingMilliseconds == 0)
                return StorageError.IoError;
            _wait.Sleep(slice);
        }
    }

    private StorageError Fail()
    {
        ErrorCount++;
        return StorageError.IoError;
    }

    /// <summary>
    /// Non-queued error recovery (AHCI 1.3.1 §6.2.2.1): stop the engine, which also
    /// clears PxCI; clear the error registers; if the device is still busy, use command
    /// list override or, failing that, a COMRESET; then start the engine again.
    /// </summary>
    public StorageError Recover()
    {
        Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) & ~AhciPortRegisters.CmdStart);
        bool stopped = WaitForClear(AhciPortRegisters.CmdListRunning, EngineTimeoutMilliseconds);
        Write(AhciPortRegisters.SataError, 0xFFFF_FFFF);
        Write(AhciPortRegisters.InterruptStatus, 0xFFFF_FFFF);
        _interruptStatus = 0;

        bool busy = (TaskFileStatus & (AtaStatus.Busy | AtaStatus.DataRequest)) != 0;
        if (stopped && busy && _hba.SupportsCommandListOverride)
        {
            Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) | AhciPortRegisters.CmdCommandListOverride);
            WaitForClear(AhciPortRegisters.CmdCommandListOverride, EngineTimeoutMilliseconds);
            busy = (TaskFileStatus & (AtaStatus.Busy | AtaStatus.DataRequest)) != 0;
        }
        if (!stopped || busy)
        {
            if (!ComReset())
                return StorageError.IoError;
        }
        return StartEngine() ? StorageError.Ok : StorageError.IoError;
    }

    // COMRESET (AHCI 1.3.1 §10.4.2): DET = 1 for at least 1 ms, then 0, then wait for the link and the device.
    private bool ComReset()
    {
        Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) & ~AhciPortRegisters.CmdStart);
        WaitForClear(AhciPortRegisters.CmdListRunning, EngineTimeoutMilliseconds);
        uint control = Read(AhciPortRegisters.SataControl) & ~AhciPortRegisters.SctlDetectionMask;
        Write(AhciPortRegisters.SataControl, control | AhciPortRegisters.SctlComReset);
        IoDelay.Milliseconds(2);
        Write(AhciPortRegisters.SataControl, control);
        IoDeadline deadline = IoDeadline.After(1000);
        while (!HasDevice)
        {
            if (deadline.Expired())
                return false;
            IoDelay.Milliseconds(1);
        }
        Write(AhciPortRegisters.SataError, 0xFFFF_FFFF);
        return WaitForDeviceReady();
    }

    private bool StartEngine()
    {
        if (!WaitForClear(AhciPortRegisters.CmdListRunning, EngineTimeoutMilliseconds))
            return false;
        Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) | AhciPortRegisters.CmdFisReceiveEnable);
        Write(AhciPortRegisters.Command, Read(AhciPortRegisters.Command) | AhciPortRegisters.CmdStart);
        return true;
    }

    // AHCI 1.3.1 §10.1.2: clear ST and wait for CR, then clear FRE and wait for FR.
    private bool StopEngines()
    {
        uint command = Read(AhciPortRegisters.Command);
        if ((command & AhciPortRegisters.CmdStart) != 0)
            Write(AhciPortRegisters.Command, command & ~AhciPortRegisters.CmdStart);
        if (!WaitForClear(AhciPortRegisters.CmdListRunning, EngineTimeoutMilliseconds))
            return false;
        command = Read(AhciPortRegisters.Command);
        if ((command & AhciPortRegisters.CmdFisReceiveEnable) != 0)
            Write(AhciPortRegisters.Command, command & ~AhciPortRegisters.CmdFisReceiveEnable);
        return WaitForClear(AhciPortRegisters.CmdFisReceiveRunning, EngineTimeoutMilliseconds);
    }

    private bool WaitForClear(uint commandBits, ulong milliseconds)
    {
        IoDeadline deadline = IoDeadline.After(milliseconds);
        while ((Read(AhciPortRegisters.Command) & commandBits) != 0)
        {
            if (deadline.Expired())
                return false;
        }
        return true;
    }

    private uint Read(ulong register) => MmioRegister.Read32(_registers + register);

    private void Write(ulong register, uint value) => MmioRegister.Write32(_registers + register, value);
}
