using System;
using CosmosHybrid.Drivers.Net.E1000;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.FramePath;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.E1000;

/// <summary>
/// One Intel 8254x/82574 controller driven through its device handle: registers in BAR 0
/// (mapped uncached), descriptor rings and frame buffers in DMA memory below 4 GiB, one
/// fixed DMA buffer per descriptor (2 KiB to receive, 4 KiB, a whole pool buffer, to transmit).
/// Receive hands each good frame to a sink; transmit copies a frame, or each part of a longer
/// one the NIC cuts, into the next free descriptors' buffers. Nothing here waits.
/// </summary>
internal sealed unsafe class NicHardware
{
    public const int ReceiveCount = 64;
    public const int TransmitCount = 128;
    public const int BufferBytes = 2048;
    public const int TransmitBufferBytes = 4096;
    public const int InterruptsPerSecond = 8000;

    private struct Register
    {
        public volatile uint Value;
    }

    private readonly long _device;
    private long _registers;
    private ReceiveDescriptor* _receiveRing;
    private TransmitDescriptor* _transmitRing;
    private byte* _receiveBuffers;
    private byte* _transmitBuffers;
    private ulong _transmitPhysical;
    private DescriptorRing _receive;
    private DescriptorRing _transmit;

    public NicHardware(long device, E1000Model model)
    {
        _device = device;
        Model = model;
    }

    public E1000Model Model { get; }

    /// <summary>
    /// What the NIC finishes for a client: all three models take the TCP/IP context and data
    /// descriptors (checksum insertion and TCP segmentation; QEMU's e1000 and e1000e models do both).
    /// </summary>
    public NicOffloads Offloads => NicOffloads.TransmitChecksums | NicOffloads.TcpSegmentation;

    /// <summary>
    /// The longest frame handed over for segmentation with pool buffers of <paramref name="bufferSize"/>
    /// bytes: a context and one descriptor per part must fit in half the ring, so two frames go at once.
    /// </summary>
    public static int MaxOffloadFrameLength(int bufferSize) =>
        Math.Min(FramePoolLayout.MaxFrameLength, (TransmitCount / 2 - 1) * Math.Min(bufferSize, TransmitBufferBytes));

    public ulong MacAddress { get; private set; }

    public int Irq { get; private set; }

    public uint LinkChanges { get; private set; }

    public uint Read(int offset) => ((Register*)(_registers + offset))->Value;

    public void Write(int offset, uint value) => ((Register*)(_registers + offset))->Value = value;

    public bool LinkUp => (Read(E1000Registers.Status) & E1000Status.LinkUp) != 0;

    public int SpeedMbps => E1000Status.SpeedMbps(Read(E1000Registers.Status));

    /// <summary>Maps the registers, resets the controller, reads the MAC and sets up both rings; an error text or null.</summary>
    public string Start(long notifyPort)
    {
        _registers = DeviceCalls.Map(_device, 0);
        if (_registers <= 0)
            return "cannot map BAR 0 (" + ProcessCalls.ErrorText(_registers) + ")";
        if (DeviceCalls.SetBusMastering(_device, true) < 0)
            return "cannot enable bus mastering";
        Reset();
        MacAddress = ReadMac();
        if (MacAddress == 0)
            return "no MAC address (RAL/RAH invalid and the EEPROM does not answer)";
        for (int i = 0; i < E1000Registers.MulticastTableEntries; i++)
            Write(E1000Registers.MulticastTable + 4 * i, 0);
        string error = SetUpRings();
        if (error != null)
            return error;

        long line = DeviceCalls.ConfigRead(_device, 0x3C, 1);
        Irq = line > 0 && line < 16 ? (int)line : 0;
        if (Irq == 0 || DeviceCalls.BindIrq(_device, Irq, notifyPort, Net.FramePath.NicProtocol.DriverInterruptBitNumber) < 0)
            return "cannot bind the interrupt line " + line.ToString();
        Read(E1000Registers.InterruptCause);
        Write(E1000Registers.InterruptMaskSet, E1000Interrupts.Enabled);
        // RCTL once, at the end: QEMU holds received frames for about a second after each write to it.
        Write(E1000Registers.ReceiveControl, E1000ReceiveControl.Value);
        return null;
    }

    private void Reset()
    {
        Write(E1000Registers.InterruptMaskClear, 0xFFFF_FFFF);
        Write(E1000Registers.Control, Read(E1000Registers.Control) | E1000Control.Reset);
        for (int i = 0; i < 100 && (Read(E1000Registers.Control) & E1000Control.Reset) != 0; i++)
            ProcessCalls.Sleep(1);
        Write(E1000Registers.InterruptMaskClear, 0xFFFF_FFFF);
        Read(E1000Registers.InterruptCause);
        // Link up with auto-negotiated speed; the PHY finishes on its own and says so with LSC.
        uint control = Read(E1000Registers.Control) | E1000Control.SetLinkUp | E1000Control.AutoSpeedDetection;
        Write(E1000Registers.Control, control & ~E1000Control.PhyReset);
    }

    private ulong ReadMac()
    {
        ulong mac = E1000Models.MacFromReceiveAddress(Read(E1000Registers.ReceiveAddressLow), Read(E1000Registers.ReceiveAddressHigh));
        if (mac != 0)
            return mac;
        int word0 = ReadEeprom(0), word1 = ReadEeprom(1), word2 = ReadEeprom(2);
        if (word0 < 0 || word1 < 0 || word2 < 0)
            return 0;
        mac = E1000Models.MacFromEeprom((ushort)word0, (ushort)word1, (ushort)word2);
        Write(E1000Registers.ReceiveAddressLow, (uint)mac);
        Write(E1000Registers.ReceiveAddressHigh, (uint)(mac >> 32) | E1000ReceiveAddress.Valid);
        return mac;
    }

    private int ReadEeprom(int address)
    {
        Write(E1000Registers.EepromRead, E1000Models.EepromReadCommand(Model, address));
        for (int i = 0; i < 100000; i++)
        {
            uint value = Read(E1000Registers.EepromRead);
            if (E1000Models.EepromReadDone(Model, value))
                return E1000Models.EepromData(value);
        }
        return -1;
    }

    private string SetUpRings()
    {
        long rings = DeviceCalls.AllocateDma(_device, 8192, 4096, DmaFlags.Below4GiB, out ulong ringsPhysical);
        long receiveBuffers = DeviceCalls.AllocateDma(_device, ReceiveCount * BufferBytes, 4096, DmaFlags.Below4GiB, out ulong receivePhysical);
        long transmitBuffers = DeviceCalls.AllocateDma(_device, TransmitCount * TransmitBufferBytes, 4096, DmaFlags.Below4GiB, out ulong transmitPhysical);
        if (rings <= 0 || receiveBuffers <= 0 || transmitBuffers <= 0)
            return "cannot allocate DMA memory";
        _receiveRing = (ReceiveDescriptor*)rings;
        _transmitRing = (TransmitDescriptor*)(rings + 4096);
        _receiveBuffers = (byte*)receiveBuffers;
        _transmitBuffers = (byte*)transmitBuffers;
        _transmitPhysical = transmitPhysical;
        _receive = new DescriptorRing(ReceiveCount);
        _transmit = new DescriptorRing(TransmitCount);

        for (int i = 0; i < ReceiveCount; i++)
            _receiveRing[i].BufferAddress = receivePhysical + (ulong)(i * BufferBytes);

        Write(E1000Registers.ReceiveRingLow, (uint)ringsPhysical);
        Write(E1000Registers.ReceiveRingHigh, (uint)(ringsPhysical >> 32));
        Write(E1000Registers.ReceiveRingLength, (uint)_receive.LengthInBytes);
        Write(E1000Registers.ReceiveHead, 0);
        while (_receive.Give())
        {
        }
        Write(E1000Registers.ReceiveTail, (uint)_receive.Tail);
        Write(E1000Registers.ReceiveDelayTimer, 0);
        Write(E1000Registers.InterruptThrottle, E1000Models.ThrottleFor(InterruptsPerSecond));

        ulong transmitRingPhysical = ringsPhysical + 4096;
        Write(E1000Registers.TransmitRingLow, (uint)transmitRingPhysical);
        Write(E1000Registers.TransmitRingHigh, (uint)(transmitRingPhysical >> 32));
        Write(E1000Registers.TransmitRingLength, (uint)_transmit.LengthInBytes);
        Write(E1000Registers.TransmitHead, 0);
        Write(E1000Registers.TransmitTail, 0);
        Write(E1000Registers.TransmitInterPacketGap, E1000TransmitControl.InterPacketGap);
        Write(E1000Registers.TransmitControl, E1000TransmitControl.Value);
        return null;
    }

    /// <summary>Reads (and so clears) the interrupt causes; a link change is counted.</summary>
    public uint TakeInterruptCauses()
    {
        uint causes = Read(E1000Registers.InterruptCause);
        if ((causes & E1000Interrupts.LinkStatusChange) != 0)
            LinkChanges++;
        return causes;
    }

    /// <summary>Unmasks the NIC's interrupt line again; false when the system call failed (the line stays masked).</summary>
    public bool AcknowledgeInterrupt() => DeviceCalls.AcknowledgeIrq(_device, Irq) >= 0;

    /// <summary>The oldest received frame, if the NIC finished one: its bytes and whether it is good; false when none is ready.</summary>
    public bool PeekReceived(out byte* frame, out int length, out bool good)
    {
        ReceiveDescriptor* descriptor = _receiveRing + _receive.Clean;
        byte status = ((ReceiveStatus*)&descriptor->Status)->Value;
        frame = null;
        length = 0;
        good = false;
        if ((status & ReceiveDescriptor.StatusDone) == 0 || _receive.InFlight == 0)
            return false;
        frame = _receiveBuffers + _receive.Clean * BufferBytes;
        length = descriptor->Length;
        good = ReceiveDescriptor.IsGoodFrame(status, descriptor->Errors) && length <= BufferBytes;
        return true;
    }

    /// <summary>Gives the oldest receive descriptor back to the NIC (after <see cref="PeekReceived"/>); the tail register is written by <see cref="FlushReceiveTail"/>.</summary>
    public void RecycleReceived()
    {
        _receiveRing[_receive.Clean].Status = 0;
        _receive.TakeBack();
        _receive.Give();
    }

    public void FlushReceiveTail() => Write(E1000Registers.ReceiveTail, (uint)_receive.Tail);

    /// <summary>Takes back transmit descriptors the NIC wrote back; returns how many.</summary>
    public int CleanTransmitted()
    {
        int cleaned = 0;
        while (_transmit.InFlight > 0 && (((ReceiveStatus*)&_transmitRing[_transmit.Clean].Status)->Value & TransmitDescriptor.StatusDone) != 0)
        {
            _transmit.TakeBack();
            cleaned++;
        }
        return cleaned;
    }

    public int TransmitFree => _transmit.Free;

    /// <summary>Copies a frame into the next transmit descriptor (the caller checked <see cref="TransmitFree"/>); <see cref="FlushTransmitTail"/> sends it.</summary>
    public void QueueTransmit(byte* frame, int length)
    {
        int slot = _transmit.Tail;
        new ReadOnlySpan<byte>(frame, length).CopyTo(new Span<byte>(_transmitBuffers + slot * TransmitBufferBytes, length));
        TransmitDescriptor* descriptor = _transmitRing + slot;
        // Every time: a context descriptor in this slot overwrote the address.
        descriptor->BufferAddress = _transmitPhysical + (ulong)slot * TransmitBufferBytes;
        descriptor->Length = (ushort)length;
        descriptor->ChecksumOffset = 0;
        descriptor->Command = TransmitDescriptor.CommandFrame;
        descriptor->Status = 0;
        descriptor->ChecksumStart = 0;
        descriptor->Special = 0;
        _transmit.Give();
    }

    /// <summary>Queues a context descriptor for the offloaded frame that follows (the caller checked <see cref="TransmitFree"/>).</summary>
    public void QueueContext(in TransmitContextDescriptor context)
    {
        *(TransmitContextDescriptor*)(_transmitRing + _transmit.Tail) = context;
        _transmit.Give();
    }

    /// <summary>
    /// Copies one part of an offloaded frame into the next descriptor, a data descriptor using the
    /// last context (the caller checked <see cref="TransmitFree"/>); the last part ends the packet.
    /// </summary>
    public void QueueTransmitPart(byte* part, int length, bool last, bool segmentation)
    {
        int slot = _transmit.Tail;
        new ReadOnlySpan<byte>(part, length).CopyTo(new Span<byte>(_transmitBuffers + slot * TransmitBufferBytes, length));
        var descriptor = (TransmitDataDescriptor*)(_transmitRing + slot);
        descriptor->BufferAddress = _transmitPhysical + (ulong)slot * TransmitBufferBytes;
        descriptor->LengthAndCommand = TransmitDataDescriptor.LengthAndCommandFor(length, last, segmentation);
        descriptor->Status = 0;
        descriptor->Options = TransmitDataDescriptor.OptionIpChecksum | TransmitDataDescriptor.OptionTransportChecksum;
        descriptor->Special = 0;
        _transmit.Give();
    }

    public void FlushTransmitTail() => Write(E1000Registers.TransmitTail, (uint)_transmit.Tail);

    // The status byte the NIC writes by DMA: read it as volatile, so every poll really reads memory.
    private struct ReceiveStatus
    {
        public volatile byte Value;
    }
}
