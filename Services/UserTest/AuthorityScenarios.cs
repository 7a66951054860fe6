using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// The authority scenarios. `no-rights PID`: every privileged call without a right (PID: a
/// process that is not ours, e.g. init) must give Denied, and killing our own child must
/// not. `reserved-service NAME`: the manifest's test service, registering its reserved name
/// with the reservation init hands it at handle 5 (after the empty authority slot), then
/// serving until killed. `reserved-lookup NAME`: the name is registered.
/// </summary>
internal static unsafe class AuthorityScenarios
{
    /// <summary>Where init puts a service's first reservation when the service has no rights.</summary>
    private const long FirstReservation = StartupHandles.FirstExtra + 1;

    public static int NoRights(string rest)
    {
        int failures = 0;
        long stranger = Scenarios.ParseOr(rest.Trim(), 1);
        SyscallPorts ports = SyscallPorts.Instance;
        long port = ports.CreatePort();

        failures += Expect("poweroff(4)", ProcessCalls.PowerOff(StartupHandles.RootAuthority), SyscallError.Denied);
        failures += Expect("poweroff(0)", ProcessCalls.PowerOff(0), SyscallError.Denied);
        failures += Expect("poweroff(port)", ProcessCalls.PowerOff(port), SyscallError.Denied);
        failures += Expect("kill " + stranger.ToString(), ProcessCalls.Kill(stranger), SyscallError.Denied);
        failures += Expect("kill " + stranger.ToString() + " with a port", ProcessCalls.Kill(stranger, port), SyscallError.Denied);
        failures += Expect("reserve", ports.Reserve(StartupHandles.RootAuthority, "stolen"), SyscallError.Denied);
        failures += Expect("reserve with a port", ports.Reserve(port, "stolen"), SyscallError.Denied);
        failures += Expect("register reserved", ports.Register("test-reserved", port), SyscallError.Denied);
        failures += Expect("register reserved with a port", ports.Register("test-reserved", port, port), SyscallError.Denied);
        long device = SystemCall.Call(SyscallNumber.DeviceOpen, StartupHandles.RootAuthority, 0);
        if (device != SyscallResult.Error(SyscallError.Denied) && device != SyscallResult.Error(SyscallError.NoSuchCall))
        {
            Console.WriteLine("no-rights: device open gave " + device.ToString());
            failures++;
        }

        // Our own descendants stay ours to end.
        long child = ProcessCalls.Spawn("usertest count 1000 child");
        if (child < 0 || ProcessCalls.Kill(child) != 0)
        {
            Console.WriteLine("no-rights: cannot kill own child (" + child.ToString() + ")");
            failures++;
        }
        else
        {
            ProcessCalls.Wait(child, out _);
        }

        // An unreserved name stays first come, first served.
        failures += Expect("register a free name", ports.Register("free-" + ProcessCalls.CurrentId.ToString(), port), SyscallError.None);
        Console.WriteLine(failures == 0 ? "no-rights: all denied" : "no-rights: " + failures.ToString() + " failures");
        return failures == 0 ? 0 : 1;
    }

    public static int ReservedService(string rest)
    {
        string name = rest.Trim().Length == 0 ? "test-reserved" : rest.Trim();
        SyscallPorts ports = SyscallPorts.Instance;
        long port = ports.CreatePort();
        long denied = ports.Register(name, port);
        long result = ports.Register(name, port, FirstReservation);
        if (denied != SyscallResult.Error(SyscallError.Denied) || result < 0)
        {
            Console.WriteLine("reserved-service: without the reservation " + ProcessCalls.ErrorText(denied) + ", with it " + ProcessCalls.ErrorText(result));
            return 1;
        }
        while (true)
            ProcessCalls.Sleep(1000);
    }

    /// <summary>
    /// `authority`, run as the first program (init=usertest,authority: the root authority at
    /// handle 4): a duplicate with fewer rights is denied the rest, a reservation passes to a
    /// child at spawn, a closed authority is worth nothing; ends by powering off with a
    /// PowerOff-only duplicate.
    /// </summary>
    public static int Authority()
    {
        const long Root = StartupHandles.RootAuthority;
        int failures = 0;
        SyscallPorts ports = SyscallPorts.Instance;
        long powerOnly = ports.Duplicate(Root, HandleRights.PowerOff | HandleRights.Transfer);
        failures += Expect("duplicate", powerOnly, SyscallError.None);
        failures += Expect("reserve with power only", ports.Reserve(powerOnly, "dup-name"), SyscallError.Denied);
        long reservation = ports.Reserve(Root, "dup-name");
        failures += Expect("reserve", reservation, SyscallError.None);
        failures += Expect("reserve twice", ports.Reserve(Root, "dup-name"), SyscallError.Exists);

        // The reservation goes to a child at handle 5 (4, the authority slot, stays empty).
        SpawnHandle[] handles = ProcessCalls.WithStandardIo(5);
        handles[4] = new SpawnHandle { Handle = reservation, Rights = HandleRights.Transfer };
        long child = ProcessCalls.Spawn("usertest reserved-service dup-name", handles);
        failures += Expect("spawn with the reservation", child, SyscallError.None);
        long found = 0;
        for (int i = 0; i < 100 && found <= 0; i++)
        {
            ProcessCalls.Sleep(20);
            found = ports.Lookup("dup-name");
        }
        failures += Expect("the child registered the reserved name", found, SyscallError.None);
        failures += Expect("kill own child without authority", ProcessCalls.Kill(child), SyscallError.None);
        ProcessCalls.Wait(child, out _);

        failures += RaisedQuotas(Root, powerOnly);

        ports.Close(powerOnly);
        failures += Expect("poweroff with a closed handle", ProcessCalls.PowerOff(powerOnly), SyscallError.Denied);
        long lastPower = ports.Duplicate(Root, HandleRights.PowerOff);
        ports.Close(Root);
        failures += Expect("reserve after closing the root", ports.Reserve(Root, "late"), SyscallError.Denied);
        Console.WriteLine(failures == 0 ? "authority: ok" : "authority: " + failures.ToString() + " failures");
        ProcessCalls.PowerOff(lastPower);
        return 1;
    }

    // A child's quotas stop at ours (64 threads) unless we present RaiseQuotas.
    private static int RaisedQuotas(long root, long withoutRaise)
    {
        const long Wanted = 200;
        int failures = Expect("spawn raising quotas without the right",
            ProcessCalls.Spawn("usertest idle", new SpawnHandle[0], 0, Wanted, withoutRaise), SyscallError.Denied);
        failures += ExpectThreadLimit("capped", ProcessCalls.Spawn("usertest idle", new SpawnHandle[0], 0, Wanted), 64);
        failures += ExpectThreadLimit("raised", ProcessCalls.Spawn("usertest idle", new SpawnHandle[0], 0, Wanted, root), Wanted);
        return failures;
    }

    private static int ExpectThreadLimit(string what, long child, long expected)
    {
        if (child < 0)
        {
            Console.WriteLine("check: spawn " + what + " gave " + ProcessCalls.ErrorText(child));
            return 1;
        }
        ProcessInfo info;
        long result = SystemCall.Call(SyscallNumber.GetProcessInfo, child, (long)&info);
        ProcessCalls.Kill(child);
        ProcessCalls.Wait(child, out _);
        if (result >= 0 && info.ThreadLimit == expected)
            return 0;
        Console.WriteLine("check: " + what + " thread quota " + info.ThreadLimit.ToString() + ", expected " + expected.ToString());
        return 1;
    }

    public static int ReservedLookup(string rest)
    {
        string name = rest.Trim().Length == 0 ? "test-reserved" : rest.Trim();
        long handle = SyscallPorts.Instance.Lookup(name);
        Console.WriteLine(handle > 0 ? "reserved-lookup: '" + name + "' is registered" : "reserved-lookup: '" + name + "' " + ProcessCalls.ErrorText(handle));
        return handle > 0 ? 0 : 1;
    }

    private static int Expect(string what, long result, SyscallError expected)
    {
        if (result == SyscallResult.Error(expected) || (expected == SyscallError.None && result >= 0))
            return 0;
        Console.WriteLine("check: " + what + " gave " + result.ToString() + ", expected " + expected.ToString());
        return 1;
    }
}
