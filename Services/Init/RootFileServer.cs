using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Init.Manifest;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Init;

/// <summary>
/// The file server of "/" when the boot options place it in ring 3 (<c>fs:/=ring3</c>): the
/// kernel then leaves the RAM disk unmounted and set aside, and init's manifest lies on it.
/// So init starts this one service before it reads anything, as if the manifest had said
/// <c>service fs-root / run fs / serve / device disk=/ / needs-device yes / restart yes</c>:
/// `fs` comes from its boot module (a name without '/'), and so does every restart, so a dead
/// server never has to be loaded from the volume it served. Without the boot option the
/// block handle is not there (NotFound) and nothing is started.
/// </summary>
internal static unsafe class RootFileServer
{
    public const string Name = "fs-root";

    /// <summary>How long init waits for "/" to answer before it goes on without its manifest.</summary>
    private const long AttachMilliseconds = 20000;

    private const long PollMilliseconds = 20;

    /// <summary>The built-in entry (line 0: it is no line of the manifest).</summary>
    public static ServiceEntry Entry()
    {
        var entry = new ServiceEntry(Name, 0)
        {
            CommandLine = "fs / serve",
            NeedsDevice = true,
            Restart = true,
        };
        entry.Devices.Add(new DeviceSelector(DeviceSelectorKind.Disk, 0, 0, 0, 0, "/"));
        return entry;
    }

    /// <summary>
    /// Waits until the server attached: the mount list holds "/" (nothing is mounted there before);
    /// false after <see cref="AttachMilliseconds"/>, or at once when the server could not start.
    /// </summary>
    public static bool WaitUntilServed(ServiceSlot slot)
    {
        long deadline = ProcessCalls.UptimeMilliseconds + AttachMilliseconds;
        while (ProcessCalls.UptimeMilliseconds < deadline)
        {
            if (RootIsMounted())
                return true;
            if (slot.ProcessId == 0)
                return false;
            ProcessCalls.Sleep(PollMilliseconds);
        }
        return false;
    }

    private static bool RootIsMounted()
    {
        var mounts = new MountInfo[8];
        long count = FileCalls.ListMounts(mounts);
        for (long i = 0; i < count && i < mounts.Length; i++)
        {
            MountInfo info = mounts[i];
            if (FileCalls.Decode(info.Path, MountInfo.PathCapacity) == "/")
                return true;
        }
        return false;
    }
}
