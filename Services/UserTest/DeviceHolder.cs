using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `device-holder`: a manifest service with one device and no rights or names, so init puts
/// the device at handle 5. It proves the handle works (the i8042's status port through the
/// kernel), says so with its process id, and ends after a second, so that init restarts it
/// and the boot test sees the next instance get the device again.
/// </summary>
internal static class DeviceHolder
{
    private const long DeviceHandle = StartupHandles.FirstExtra + 1;
    private const int I8042StatusPort = 0x64;

    public static int Run()
    {
        long status = DeviceCalls.PortRead(DeviceHandle, I8042StatusPort, 1);
        string pid = ProcessCalls.CurrentId.ToString();
        if (status < 0)
        {
            Console.WriteLine("device-holder: process " + pid + " has no i8042 (" + ProcessCalls.ErrorText(status) + ")");
            return 2;
        }
        Console.WriteLine("device-holder: process " + pid + " has the i8042");
        ProcessCalls.Sleep(1000);
        return 1;
    }
}
