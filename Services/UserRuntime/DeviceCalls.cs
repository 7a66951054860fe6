using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// The device system calls, wrapped for ring-3 drivers: list the devices, open one with an
/// authority that has the Devices right, then through its handle map its registers, use
/// its I/O ports, its configuration space, DMA memory and its interrupt. Results are
/// values, or negative <see cref="SyscallError"/>s.
/// </summary>
internal static unsafe class DeviceCalls
{
    /// <summary>Every device the kernel knows (an empty array when the call fails).</summary>
    public static DeviceInfo[] List()
    {
        long count = SystemCall.Call(SyscallNumber.DeviceList, 0, 0);
        if (count <= 0)
            return new DeviceInfo[0];
        var devices = new DeviceInfo[count];
        fixed (DeviceInfo* buffer = devices)
        {
            long now = SystemCall.Call(SyscallNumber.DeviceList, (long)buffer, count);
            if (now < count)
                return now < 0 ? new DeviceInfo[0] : Trim(devices, now);
        }
        return devices;
    }

    /// <summary>The index of the first device named <paramref name="name"/> ("e1000", "i8042"), or -1.</summary>
    public static int Find(DeviceInfo[] devices, string name)
    {
        for (int i = 0; i < devices.Length; i++)
        {
            if (NameOf(devices[i]) == name)
                return devices[i].Index;
        }
        return -1;
    }

    /// <summary>The device's short name.</summary>
    public static string NameOf(DeviceInfo device)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < DeviceInfo.NameCapacity && device.Name[i] != 0; i++)
            text.Append((char)device.Name[i]);
        return text.ToString();
    }

    public static long Open(long authority, long index) => SystemCall.Call(SyscallNumber.DeviceOpen, authority, index);

    /// <summary>Maps memory region (BAR) <paramref name="region"/>; returns its address.</summary>
    public static long Map(long device, int region) => SystemCall.Call(SyscallNumber.DeviceMap, device, region);

    public static long ConfigRead(long device, int offset, int size) => SystemCall.Call(SyscallNumber.DeviceConfigRead, device, offset, size);

    public static long ConfigWrite(long device, int offset, int size, uint value) =>
        SystemCall.Call(SyscallNumber.DeviceConfigWrite, device, offset, size, value);

    public static long SetBusMastering(long device, bool enabled) => SystemCall.Call(SyscallNumber.DeviceBusMaster, device, enabled ? 1 : 0);

    /// <summary>Zeroed, contiguous, pinned memory for the device's DMA; returns its address and the physical one.</summary>
    public static long AllocateDma(long device, long bytes, long alignment, DmaFlags flags, out ulong physical)
    {
        ulong result;
        long address = SystemCall.Call(SyscallNumber.DeviceDmaAllocate, device, bytes, alignment, (long)flags, (long)&result);
        physical = result;
        return address;
    }

    /// <summary>Lets this process use the device's I/O ports directly (<see cref="In8"/>, <see cref="Out8"/>...).</summary>
    public static long EnablePorts(long device) => SystemCall.Call(SyscallNumber.DevicePortsEnable, device);

    /// <summary>`in` through the kernel (for comparison with the direct instruction).</summary>
    public static long PortRead(long device, int port, int size) => SystemCall.Call(SyscallNumber.DevicePortRead, device, port, size);

    public static long PortWrite(long device, int port, int size, uint value) => SystemCall.Call(SyscallNumber.DevicePortWrite, device, port, size, value);

    /// <summary>Interrupt <paramref name="irq"/> of the device sets notification bit <paramref name="bit"/> on <paramref name="port"/>.</summary>
    public static long BindIrq(long device, int irq, long port, int bit) => SystemCall.Call(SyscallNumber.IrqBind, device, irq, port, bit);

    public static long AcknowledgeIrq(long device, int irq) => SystemCall.Call(SyscallNumber.IrqAcknowledge, device, irq);

    /// <summary>The time-stamp counter when interrupt <paramref name="irq"/> last entered the kernel.</summary>
    public static long IrqTimestamp(long device, int irq) => SystemCall.Call(SyscallNumber.DeviceIrqTimestamp, device, irq);

    [DllImport("*", EntryPoint = "user_port_in8"), SuppressGCTransition] public static extern uint In8(int port);
    [DllImport("*", EntryPoint = "user_port_in16"), SuppressGCTransition] public static extern uint In16(int port);
    [DllImport("*", EntryPoint = "user_port_in32"), SuppressGCTransition] public static extern uint In32(int port);
    [DllImport("*", EntryPoint = "user_port_out8"), SuppressGCTransition] public static extern void Out8(int port, uint value);
    [DllImport("*", EntryPoint = "user_port_out16"), SuppressGCTransition] public static extern void Out16(int port, uint value);
    [DllImport("*", EntryPoint = "user_port_out32"), SuppressGCTransition] public static extern void Out32(int port, uint value);

    private static DeviceInfo[] Trim(DeviceInfo[] devices, long count)
    {
        var trimmed = new DeviceInfo[count];
        for (int i = 0; i < count; i++)
            trimmed[i] = devices[i];
        return trimmed;
    }
}
