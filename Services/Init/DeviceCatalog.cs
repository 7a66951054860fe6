using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Init.Manifest;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Init;

/// <summary>
/// The kernel's device list (DeviceList), and the manifest's selectors matched against it.
/// Where the kernel has no device calls (NoSuchCall) or nothing matches, the service starts
/// without the device and init says so.
/// </summary>
internal sealed unsafe class DeviceCatalog
{
    private const int Capacity = 64;

    private readonly DeviceInfo[] _devices;
    private readonly int _count;
    private readonly long _listError;

    private DeviceCatalog(DeviceInfo[] devices, int count, long listError)
    {
        _devices = devices;
        _count = count;
        _listError = listError;
    }

    public static DeviceCatalog Load()
    {
        var devices = new DeviceInfo[Capacity];
        long result;
        fixed (DeviceInfo* buffer = devices)
            result = SystemCall.Call(SyscallNumber.DeviceList, (long)buffer, Capacity);
        if (result < 0)
            return new DeviceCatalog(devices, 0, result);
        return new DeviceCatalog(devices, result > Capacity ? Capacity : (int)result, 0);
    }

    /// <summary>Opens every device the service's selectors match; returns the handles (init keeps them).</summary>
    public long[] OpenAll(ServiceEntry entry, long authority)
    {
        var handles = new List<long>();
        for (int s = 0; s < entry.Devices.Count; s++)
        {
            DeviceSelector selector = entry.Devices[s];
            if (selector.Kind == DeviceSelectorKind.Disk)
            {
                OpenDisk(entry, selector, authority, handles);
                continue;
            }
            if (_listError < 0)
            {
                InitService.Log(entry.Name + ": device " + selector.ToString() + " not given (" + ProcessCalls.ErrorText(_listError) + ")");
                continue;
            }
            bool found = false;
            for (int d = 0; d < _count; d++)
            {
                if (!Matches(selector, ref _devices[d]))
                    continue;
                found = true;
                long handle = SystemCall.Call(SyscallNumber.DeviceOpen, authority, _devices[d].Index);
                if (handle < 0)
                    InitService.Log(entry.Name + ": device " + selector.ToString() + " not given (" + ProcessCalls.ErrorText(handle) + ")");
                else
                    handles.Add(handle);
            }
            if (!found && !entry.NeedsDevice)
                InitService.Log(entry.Name + ": no device matches " + selector.ToString());
        }
        return handles.ToArray();
    }

    // A disk set aside for a ring-3 file server: NotFound (nothing placed there) is quiet with needs-device.
    private static void OpenDisk(ServiceEntry entry, DeviceSelector selector, long authority, List<long> handles)
    {
        long handle = BlockCalls.Open(authority, selector.LegacyName);
        if (handle >= 0)
            handles.Add(handle);
        else if (!entry.NeedsDevice || handle != -(long)SyscallError.NotFound)
            InitService.Log(entry.Name + ": device " + selector.ToString() + " not given (" + ProcessCalls.ErrorText(handle) + ")");
    }

    private static bool Matches(DeviceSelector selector, ref DeviceInfo device)
    {
        switch (selector.Kind)
        {
            case DeviceSelectorKind.PciClass:
                return device.Kind == DeviceKind.Pci && device.ClassCode == selector.ClassCode
                    && (selector.Subclass < 0 || device.Subclass == selector.Subclass);
            case DeviceSelectorKind.PciId:
                return device.Kind == DeviceKind.Pci && device.VendorId == selector.VendorId && device.DeviceId == selector.DeviceId;
            default:
                return NameOf(ref device) == selector.LegacyName;
        }
    }

    private static string NameOf(ref DeviceInfo device)
    {
        fixed (byte* name = device.Name)
        {
            int length = 0;
            while (length < DeviceInfo.NameCapacity && name[length] != 0)
                length++;
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
                text[i] = (char)name[i];
            return new string(text);
        }
    }
}
