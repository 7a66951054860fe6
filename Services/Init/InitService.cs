using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Init.Manifest;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Init;

/// <summary>
/// The first ring-3 program. Starts the file server of "/" when the boot options place "/" in
/// ring 3 (<see cref="RootFileServer"/>), reads the manifest, places the volumes its <c>fs:PATH=ring3</c> lines
/// name (<see cref="VolumePlacements"/>), reserves the names it lists, picks the
/// devices, starts the services in dependency order and restarts those marked `restart yes`
/// when they end (with a back-off; after <see cref="MaxQuickFailures"/> failures in quick
/// succession it gives up on that service). Each instance gets the same handles: standard
/// I/O at 1-3, the authority slot at 4 (empty without `rights`), the reservations from 5 in
/// `name` order, then the device handles. Services with a `ping` line are also killed (and so
/// restarted) when they stop answering (<see cref="LivenessCheck"/>).
/// </summary>
internal static unsafe class InitService
{
    public const string DefaultManifest = "/etc/services";

    /// <summary>Where init itself finds the root authority.</summary>
    private const long Root = StartupHandles.RootAuthority;

    private const int MaxQuickFailures = 5;
    private const long QuickFailureMilliseconds = 1000;
    private const long FirstBackOffMilliseconds = 100;
    private const long MaxBackOffMilliseconds = 5000;
    private const long PollMilliseconds = 50;
    private const int MaxManifestBytes = 64 * 1024;

    /// <summary>What init runs when the manifest cannot be read: the shell, so the machine stays usable.</summary>
    private const string FallbackManifest = "service shell\n run shell\n rights poweroff killany\n restart yes\n";

    private static long[] s_standardHandles = new long[3];

    public static int Run(string manifestPath)
    {
        FindStandardHandles();
        // "/" in ring 3 (boot option fs:/=ring3): its server first, the manifest is on it.
        var rootServer = new ServiceSlot(RootFileServer.Entry());
        Prepare(rootServer, DeviceCatalog.Load());
        if (rootServer.Devices.Length > 0)
        {
            Start(rootServer);
            if (!RootFileServer.WaitUntilServed(rootServer))
                Log("/ is not served yet (" + RootFileServer.Name + ")");
        }
        else
        {
            rootServer.Finished = true;
        }

        string text = ReadText(manifestPath);
        if (text == null)
        {
            Log("cannot read " + manifestPath + "; starting the shell alone");
            text = FallbackManifest;
        }
        ServiceManifest manifest = ManifestParser.Parse(text);
        List<ServiceEntry> order = StartOrder.Compute(manifest);
        for (int i = 0; i < manifest.Errors.Count; i++)
            Log(manifestPath + " " + manifest.Errors[i].ToString());

        VolumePlacements.Apply(manifest, manifestPath, Root);
        var slots = new List<ServiceSlot> { rootServer };
        DeviceCatalog devices = DeviceCatalog.Load();
        for (int i = 0; i < order.Count; i++)
        {
            var slot = new ServiceSlot(order[i]);
            Prepare(slot, devices);
            slots.Add(slot);
            Start(slot);
        }
        LivenessCheck.Start(slots, Root);
        Supervise(slots);
        return 0;
    }

    // Mints once what every instance of the service gets.
    private static void Prepare(ServiceSlot slot, DeviceCatalog devices)
    {
        ServiceEntry entry = slot.Entry;
        SyscallPorts ports = SyscallPorts.Instance;
        if (entry.Rights != HandleRights.None)
        {
            long authority = ports.Duplicate(Root, entry.Rights | HandleRights.Transfer);
            if (authority < 0)
                Log(entry.Name + ": no authority for it (" + ProcessCalls.ErrorText(authority) + ")");
            slot.Authority = authority < 0 ? 0 : authority;
        }
        slot.Reservations = new long[entry.Names.Count];
        for (int i = 0; i < entry.Names.Count; i++)
        {
            long reservation = ports.Reserve(Root, entry.Names[i]);
            if (reservation < 0)
                Log(entry.Name + ": cannot reserve '" + entry.Names[i] + "' (" + ProcessCalls.ErrorText(reservation) + ")");
            slot.Reservations[i] = reservation < 0 ? 0 : reservation;
        }
        slot.Devices = devices.OpenAll(entry, Root);
    }

    private static void Start(ServiceSlot slot)
    {
        ServiceEntry entry = slot.Entry;
        if (entry.NeedsDevice && slot.Devices.Length == 0)
        {
            // A file server whose mount point the boot options left to the kernel is the usual case: no line for it.
            if (!OnlyDisks(entry))
                Log(entry.Name + ": no device for it; not started");
            slot.ProcessId = 0;
            slot.Finished = true;
            return;
        }
        var handles = new SpawnHandle[4 + slot.Reservations.Length + slot.Devices.Length];
        for (int i = 0; i < 3; i++)
            handles[i] = Pass(s_standardHandles[i], (HandleRights)(-1L));
        handles[3] = Pass(slot.Authority, entry.Rights | HandleRights.Transfer);
        for (int i = 0; i < slot.Reservations.Length; i++)
            handles[4 + i] = Pass(slot.Reservations[i], HandleRights.Transfer);
        for (int i = 0; i < slot.Devices.Length; i++)
            handles[4 + slot.Reservations.Length + i] = Pass(slot.Devices[i], (HandleRights)(-1L));

        // init's root authority lifts the cap of init's own quotas: the manifest's numbers apply.
        long pid = ProcessCalls.Spawn(entry.CommandLine + ServiceKeys.ArgumentFor(entry.KeyName), handles, entry.HandleLimit, entry.ThreadLimit, Root);
        slot.StartedAt = ProcessCalls.UptimeMilliseconds;
        slot.RestartAt = 0;
        if (pid < 0)
        {
            Log("cannot start " + entry.Name + " (" + entry.CommandLine + "): " + ProcessCalls.ErrorText(pid));
            slot.ProcessId = 0;
            AfterEnd(slot);
            return;
        }
        slot.ProcessId = pid;
    }

    // Polls: a process that is no longer running is reaped, and restarted when the manifest says so.
    private static void Supervise(List<ServiceSlot> slots)
    {
        while (true)
        {
            ProcessCalls.Sleep(PollMilliseconds);
            long now = ProcessCalls.UptimeMilliseconds;
            for (int i = 0; i < slots.Count; i++)
            {
                ServiceSlot slot = slots[i];
                if (slot.ProcessId != 0 && HasEnded(slot.ProcessId))
                {
                    ProcessCalls.Wait(slot.ProcessId, out long status);
                    Log(slot.Entry.Name + " (process " + slot.ProcessId.ToString() + ") ended with status " + status.ToString());
                    slot.ProcessId = 0;
                    AfterEnd(slot);
                }
                else if (slot.ProcessId != 0 && LivenessCheck.Check(slot, now, Root))
                {
                    // Killed: the next poll reaps it and restarts it.
                }
                else if (slot.RestartAt != 0 && now >= slot.RestartAt)
                {
                    Start(slot);
                    if (slot.ProcessId != 0)
                        Log("restarted " + slot.Entry.Name + " as process " + slot.ProcessId.ToString());
                }
            }
        }
    }

    private static void AfterEnd(ServiceSlot slot)
    {
        if (!slot.Entry.Restart)
        {
            slot.Finished = true;
            return;
        }
        long now = ProcessCalls.UptimeMilliseconds;
        slot.QuickFailures = now - slot.StartedAt < QuickFailureMilliseconds ? slot.QuickFailures + 1 : 0;
        if (slot.QuickFailures >= MaxQuickFailures)
        {
            Log(slot.Entry.Name + " keeps failing; not restarting it");
            slot.Finished = true;
            return;
        }
        long backOff = FirstBackOffMilliseconds << slot.QuickFailures;
        slot.RestartAt = now + (backOff > MaxBackOffMilliseconds ? MaxBackOffMilliseconds : backOff);
    }

    private static bool OnlyDisks(ServiceEntry entry)
    {
        for (int i = 0; i < entry.Devices.Count; i++)
        {
            if (entry.Devices[i].Kind != DeviceSelectorKind.Disk)
                return false;
        }
        return entry.Devices.Count > 0;
    }

    private static bool HasEnded(long processId)
    {
        ProcessInfo info;
        long result = SystemCall.Call(SyscallNumber.GetProcessInfo, processId, (long)&info);
        return result < 0 || info.State != (long)ProcessState.Running;
    }

    private static SpawnHandle Pass(long handle, HandleRights rights) =>
        new SpawnHandle { Handle = handle, Rights = handle == 0 ? HandleRights.None : rights };

    // Standard input, output and error are passed on when init has them (and may pass them).
    private static void FindStandardHandles()
    {
        for (int i = 0; i < 3; i++)
        {
            long handle = i + 1;
            long copy = SyscallPorts.Instance.Duplicate(handle, HandleRights.Transfer);
            s_standardHandles[i] = copy < 0 ? 0 : handle;
            if (copy > 0)
                SyscallPorts.Instance.Close(copy);
        }
    }

    private static string ReadText(string path)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
            return null;
        byte[] buffer = new byte[MaxManifestBytes];
        int length = 0;
        while (length < buffer.Length)
        {
            long read = FileCalls.Read(fd, buffer, length, buffer.Length - length);
            if (read <= 0)
                break;
            length += (int)read;
        }
        FileCalls.Close(fd);
        return Abi.Text.Utf8.GetString(new System.ReadOnlySpan<byte>(buffer, 0, length));
    }

    public static void Log(string message) => System.Console.WriteLine("init: " + message);
}
