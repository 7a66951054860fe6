using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console;
using CosmosHybrid.Handles;
using CosmosHybrid.Ipc;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Devices;

/// <summary>
/// Who may drive a device. Opening one needs an authority with the Devices right, and is
/// refused (Busy) while any handle to the device exists, or while a kernel driver drives
/// it: one driver per device. The handle may then be passed on (init opens, the service
/// drives); the process that first uses it becomes its owner, and no other process may use
/// it while the owner holds anything of it (Busy). When the owner dies or the last handle
/// closes, <see cref="Release"/> takes everything back, bus mastering first.
/// </summary>
internal static class DeviceAccess
{
    /// <summary>The rights of a new device handle: it may be passed on (a service gets its devices from init).</summary>
    public const HandleRights DeviceRights = HandleRights.Transfer;

    /// <summary>DeviceOpen: a handle to device <paramref name="index"/>, or a negated error.</summary>
    public static long Open(Process process, long authority, long index)
    {
        using (InterruptsOff.Enter())
        {
            if (Authority.Require(process.Handles, authority, HandleRights.Devices) != SyscallError.None)
                return -(long)SyscallError.Denied;
            Device device = DeviceRegistry.Get(index);
            if (device == null)
                return -(long)SyscallError.NotFound;
            if (device.KernelDriven || device.References > 0)
                return -(long)SyscallError.Busy;
            if (device.Owner != null)
                Release(device);
            long handle = process.Handles.Add(device, DeviceRights);
            if (handle == 0)
                return -(long)SyscallError.TooManyHandles;
            device.Owner = process;
            return handle;
        }
    }

    /// <summary>
    /// The device behind <paramref name="handle"/>, for an operation by <paramref name="process"/>,
    /// which becomes its owner unless another live process holds something of it. Call with interrupts off.
    /// </summary>
    public static SyscallError Claim(Process process, long handle, out Device device)
    {
        device = null;
        SyscallError error = process.Handles.Lookup(handle, HandleRights.None, out KernelObject target, out _);
        if (error != SyscallError.None)
            return error;
        device = target as Device;
        if (device == null)
            return SyscallError.WrongKind;
        if (device.Owner == process)
            return SyscallError.None;
        if (device.Owner != null && device.Owner.IsAlive && device.HoldsResources)
            return SyscallError.Busy;
        if (device.Owner != null)
            Release(device);
        device.Owner = process;
        return SyscallError.None;
    }

    /// <summary>Lets the owner use the device's I/O regions from ring 3.</summary>
    public static SyscallError EnablePorts(Device device, Process owner)
    {
        if (device.PortsEnabled)
            return SyscallError.None;
        IoPortSet ports = owner.IoPorts ?? new IoPortSet();
        bool any = false;
        for (int i = 0; i < Device.RegionCount; i++)
        {
            DeviceRegion region = device.GetRegion(i);
            if (!region.IsIo)
                continue;
            if (!ports.Add(new IoPortRange((int)region.Address, (int)region.Size), device))
            {
                ports.RemoveSource(device);
                return SyscallError.OutOfMemory;
            }
            any = true;
        }
        if (!any)
            return SyscallError.NotSupported;
        owner.IoPorts = ports;
        device.PortsEnabled = true;
        device.Pci?.EnableIoSpace();
        IoPermissions.Refresh(owner);
        return SyscallError.None;
    }

    /// <summary>
    /// The device goes back to nobody: bus mastering off (so it cannot write into memory about
    /// to be reused), its interrupt quiet and unbound, its ports out of the owner's bitmap,
    /// its regions unmapped, its DMA frames freed.
    /// </summary>
    public static void Release(Device device)
    {
        using (InterruptsOff.Enter())
        {
            Process owner = device.Owner;
            if (device.Pci != null && !device.KernelDriven)
            {
                device.Pci.SetBusMastering(false);
                device.Pci.SetInterruptDisabled(true);
            }
            IrqBindings.ReleaseDevice(device);
            if (owner != null && owner.IoPorts != null)
            {
                owner.IoPorts.RemoveSource(device);
                if (owner.IoPorts.Count == 0)
                    owner.IoPorts = null;
                IoPermissions.Refresh(owner);
            }
            bool screenWasMapped = device.Kind == DeviceKind.Framebuffer && device.MappedAt[0] != 0;
            DeviceMemory.ReleaseAll(device, owner);
            device.PortsEnabled = false;
            device.BusMasterEnabled = false;
            device.Owner = null;
            // The window server is gone: the kernel log goes back on the screen.
            if (screenWasMapped)
                SystemConsole.TakeBackScreen();
        }
    }
}
