using CosmosHybrid.Arch.X64;
using CosmosHybrid.Devices;
using CosmosHybrid.Ipc;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The device system calls (96-106, and IrqBind/IrqAcknowledge 42-43): listing is open to
/// anyone; opening needs an authority with the Devices right; everything else goes through
/// a device handle, for that device only (<see cref="DeviceAccess"/>). Every argument is
/// checked: a bad one is an error code.
/// </summary>
internal static unsafe class DeviceSyscalls
{
    /// <summary>PCI configuration space reachable through ports 0xCF8/0xCFC; the extended space past it needs ECAM, which the kernel does not map.</summary>
    private const long LegacyConfigBytes = 256;
    private const long ExtendedConfigBytes = 4096;

    // The BARs, expansion ROM and interrupt line: writing them would move the device over other
    // memory or lie to the kernel about its line.
    private const long ProtectedConfigStart = 0x10;
    private const long ProtectedConfigEnd = 0x40;

    /// <summary>DeviceList(DeviceInfo* buffer, capacity) → how many devices there are.</summary>
    internal static long DeviceList(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg0;
        long capacity = (long)frame->Arg1;
        if (capacity < 0)
            return Error(SyscallError.InvalidArgument);
        int count = DeviceRegistry.Count;
        DeviceInfo info;
        for (int i = 0; i < count && i < capacity; i++)
        {
            using (InterruptsOff.Enter())
                DeviceRegistry.Describe(DeviceRegistry.Get(i), &info);
            if (!UserMemory.WriteRecord(process, buffer + (ulong)(i * sizeof(DeviceInfo)), info))
                return Error(SyscallError.BadAddress);
        }
        return count;
    }

    /// <summary>DeviceOpen(authority, index) → a device handle.</summary>
    internal static long DeviceOpen(SyscallFrame* frame, Process process) =>
        DeviceAccess.Open(process, (long)frame->Arg0, (long)frame->Arg1);

    /// <summary>DeviceMap(device, region) → the user address of the region's first byte.</summary>
    internal static long DeviceMap(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            if (error != SyscallError.None)
                return Error(error);
            long address = DeviceMemory.MapRegion(device, process, (long)frame->Arg1, out error);
            return error == SyscallError.None ? address : Error(error);
        }
    }

    /// <summary>DeviceConfigRead(device, offset, size) → the value.</summary>
    internal static long DeviceConfigRead(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = ClaimConfig(process, frame, out Device device, out int offset, out int size);
            return error != SyscallError.None ? Error(error) : device.Pci.ReadConfig(offset, size);
        }
    }

    /// <summary>DeviceConfigWrite(device, offset, size, value).</summary>
    internal static long DeviceConfigWrite(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = ClaimConfig(process, frame, out Device device, out int offset, out int size);
            if (error != SyscallError.None)
                return Error(error);
            if (offset + size > ProtectedConfigStart && offset < ProtectedConfigEnd)
                return Error(SyscallError.Denied);
            device.Pci.WriteConfig(offset, size, (uint)frame->Arg3);
            // A write to the command register may turn bus mastering on: remember, so release turns it off.
            if ((device.Pci.ReadConfig(Drivers.Pci.PciRegisters.Command, 2) & Drivers.Pci.PciRegisters.CommandBusMaster) != 0)
                device.BusMasterEnabled = true;
            return 0;
        }
    }

    private static SyscallError ClaimConfig(Process process, SyscallFrame* frame, out Device device, out int offset, out int size)
    {
        offset = 0;
        size = 0;
        SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out device);
        if (error != SyscallError.None)
            return error;
        if (device.Pci == null)
            return SyscallError.NotSupported;
        long at = (long)frame->Arg1;
        long bytes = (long)frame->Arg2;
        if ((bytes != 1 && bytes != 2 && bytes != 4) || at < 0 || at % bytes != 0 || at >= ExtendedConfigBytes)
            return SyscallError.InvalidArgument;
        if (at >= LegacyConfigBytes)
            return SyscallError.NotSupported;
        offset = (int)at;
        size = (int)bytes;
        return SyscallError.None;
    }

    /// <summary>DeviceBusMaster(device, enable).</summary>
    internal static long DeviceBusMaster(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            if (error != SyscallError.None)
                return Error(error);
            if (device.Pci == null)
                return Error(SyscallError.NotSupported);
            bool enable = frame->Arg1 != 0;
            device.Pci.SetBusMastering(enable);
            device.BusMasterEnabled = enable;
            return 0;
        }
    }

    /// <summary>DeviceDmaAllocate(device, bytes, alignment, flags, ulong* physical) → the user address.</summary>
    internal static long DeviceDmaAllocate(SyscallFrame* frame, Process process)
    {
        ulong physicalOut = frame->Arg4;
        ulong none = 0;
        if (!UserMemory.WriteRecord(process, physicalOut, none))
            return Error(SyscallError.BadAddress);
        long address;
        ulong physical;
        SyscallError error;
        using (InterruptsOff.Enter())
        {
            error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            if (error != SyscallError.None)
                return Error(error);
            address = DeviceMemory.AllocateDma(device, process, frame->Arg1, frame->Arg2, (DmaFlags)frame->Arg3, out physical, out error);
        }
        if (error != SyscallError.None)
            return Error(error);
        UserMemory.WriteRecord(process, physicalOut, physical);
        return address;
    }

    /// <summary>DevicePortsEnable(device): its I/O regions become usable from ring 3.</summary>
    internal static long DevicePortsEnable(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            return Error(error != SyscallError.None ? error : DeviceAccess.EnablePorts(device, process));
        }
    }

    /// <summary>DevicePortRead(device, port, size) → the value read.</summary>
    internal static long DevicePortRead(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = ClaimPort(process, frame, out ushort port, out long size);
            if (error != SyscallError.None)
                return Error(error);
            return size == 1 ? Cpu.InByte(port) : size == 2 ? Cpu.InWord(port) : Cpu.InDword(port);
        }
    }

    /// <summary>DevicePortWrite(device, port, size, value).</summary>
    internal static long DevicePortWrite(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = ClaimPort(process, frame, out ushort port, out long size);
            if (error != SyscallError.None)
                return Error(error);
            ulong value = frame->Arg3;
            if (size == 1)
                Cpu.OutByte(port, (byte)value);
            else if (size == 2)
                Cpu.OutWord(port, (ushort)value);
            else
                Cpu.OutDword(port, (uint)value);
            return 0;
        }
    }

    private static SyscallError ClaimPort(Process process, SyscallFrame* frame, out ushort port, out long size)
    {
        port = 0;
        size = (long)frame->Arg2;
        SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
        if (error != SyscallError.None)
            return error;
        long at = (long)frame->Arg1;
        if ((size != 1 && size != 2 && size != 4) || !device.OwnsPorts(at, size))
            return SyscallError.InvalidArgument;
        port = (ushort)at;
        return SyscallError.None;
    }

    /// <summary>IrqBind(device, irq, port, bit): the port needs the receive right.</summary>
    internal static long IrqBind(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            if (error != SyscallError.None)
                return Error(error);
            error = process.Handles.LookupPort((long)frame->Arg2, HandleRights.Receive, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            return Error(IrqBindings.Bind(device, (long)frame->Arg1, port, (long)frame->Arg3));
        }
    }

    /// <summary>IrqAcknowledge(device, irq).</summary>
    internal static long IrqAcknowledge(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            return Error(error != SyscallError.None ? error : IrqBindings.Acknowledge(device, (long)frame->Arg1));
        }
    }

    /// <summary>DeviceIrqTimestamp(device, irq) → the TSC at the last entry of that (bound) interrupt.</summary>
    internal static long DeviceIrqTimestamp(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            SyscallError error = DeviceAccess.Claim(process, (long)frame->Arg0, out Device device);
            if (error != SyscallError.None)
                return Error(error);
            long irq = (long)frame->Arg1;
            return device.OwnsIrq(irq) ? (long)IrqBindings.LastEntry(irq) : Error(SyscallError.InvalidArgument);
        }
    }
}
