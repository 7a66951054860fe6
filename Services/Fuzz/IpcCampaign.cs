using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Echo;
using CosmosHybrid.Services.Fuzz.Generation;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>
/// `fuzz run-ipc N SEED`: N random operations aimed at every service's port (looked up by name):
/// sends of random messages with buffers, page grants and handles; notifications; duplicates with
/// random rights; closes and fresh look-ups; receives on send handles. Calls that wait for a
/// service's reply are made by disposable `fuzz ipc-child` processes, killed at a random moment or
/// at a deadline, so a service that never answers cannot hang the campaign.
/// </summary>
internal static unsafe class IpcCampaign
{
    private const int ChildEvery = 500;
    private const long ChildCalls = 200;
    private const long ChildDeadlineMs = 1500;

    public static int Run(long count, ulong seed)
    {
        SystemCall.Call(SyscallNumber.HandleClose, StartupHandles.StandardInput);
        string[] names = CallGenerator.ServiceNames;
        long[] ports = new long[names.Length];
        string found = "";
        for (int i = 0; i < names.Length; i++)
        {
            ports[i] = SyscallPorts.Instance.Lookup(names[i]);
            if (ports[i] > 0)
                found += " " + names[i];
        }
        System.Console.WriteLine("fuzz: ipc targets:" + found);

        long scratch = SystemCall.Call(SyscallNumber.MapMemory, 2);
        if (scratch < 0)
            return 1;
        var random = new SplitMix64(seed);
        var tally = new ErrorTally();
        var children = new ChildTally();
        ulong childIndex = 1;
        long lastReport = ProcessCalls.UptimeMilliseconds;
        for (long i = 0; i < count; i++)
        {
            if (i % ChildEvery == ChildEvery - 1)
            {
                children.RunOne(ref random, "ipc-child", SplitMix64.Derive(seed, childIndex++), ChildCalls, ChildDeadlineMs);
                // A long run stays audible: the runner takes 120 s of silence for a hang.
                if (ProcessCalls.UptimeMilliseconds - lastReport >= 5000)
                {
                    lastReport = ProcessCalls.UptimeMilliseconds;
                    System.Console.WriteLine("fuzz: progress " + i.ToString() + " ipc operations");
                }
            }
            int target = random.Below(names.Length);
            if (ports[target] <= 0)
            {
                ports[target] = SyscallPorts.Instance.Lookup(names[target]);
                tally.Count(ports[target]);
                continue;
            }
            tally.Count(Operate(ref random, ref ports[target], names[target], (byte*)scratch));
        }
        for (int i = 0; i < ports.Length; i++)
            SystemCall.Call(SyscallNumber.HandleClose, ports[i]);
        System.Console.WriteLine("fuzz: " + tally.Calls.ToString() + " ipc operations, seed " + seed.ToString() + ": " + tally.Describe());
        System.Console.WriteLine("fuzz: " + children.Describe());
        return 0;
    }

    private static long Operate(ref SplitMix64 random, ref long port, string name, byte* scratch)
    {
        switch (random.Below(10))
        {
            case 0:
            case 1:
            case 2:
            case 3:
            {
                IpcMessage message = RandomMessage(ref random, scratch);
                long result = SystemCall.Call(SyscallNumber.PortSend, port, (long)&message, random.Below(3));
                if (result < 0 && message.Handle > 0)
                    SystemCall.Call(SyscallNumber.HandleClose, message.Handle);   // not sent: still ours
                return result;
            }
            case 4:
                return SystemCall.Call(SyscallNumber.PortNotify, port, (long)random.Next());
            case 5:
            {
                long copy = SystemCall.Call(SyscallNumber.HandleDuplicate, port, (long)random.Next());
                if (copy > 0)
                {
                    IpcMessage message = RandomMessage(ref random, scratch);
                    SystemCall.Call(SyscallNumber.PortSend, copy, (long)&message, 0);
                    SystemCall.Call(SyscallNumber.HandleClose, copy);
                }
                return copy;
            }
            case 6:
            {
                long result = SystemCall.Call(SyscallNumber.HandleClose, port);
                port = SyscallPorts.Instance.Lookup(name);
                return result;
            }
            case 7:
            {
                IpcMessage received;
                return SystemCall.Call(SyscallNumber.PortReceive, port, (long)&received, 0);
            }
            case 8:
                return SystemCall.Call(SyscallNumber.PortReplyEx, (long)scratch);
            default:
                return SyscallPorts.Instance.Lookup(name + (random.OneIn(2) ? "" : "x"));
        }
    }

    /// <summary>
    /// A message with random words (never echo's stop tag: any client may stop echo by design, which
    /// is no fault to find), and at random a buffer, a page grant and a handle to transfer.
    /// </summary>
    public static IpcMessage RandomMessage(ref SplitMix64 random, byte* scratch)
    {
        var message = new IpcMessage
        {
            Tag = random.OneIn(2) ? (ulong)random.Below(40) : random.Next(),
            Word0 = random.Next(),
            Word1 = random.OneIn(2) ? (ulong)random.Below(4096) : random.Next(),
            Word2 = random.Next(),
            Word3 = random.Next(),
        };
        if (message.Tag == EchoService.TagStop)
            message.Tag = EchoService.TagEcho;
        if (random.OneIn(3))
        {
            message.BufferAddress = (ulong)scratch + (ulong)random.Below(8192);
            message.BufferLength = random.OneIn(4) ? random.Next() : (ulong)random.Below(IpcMessage.MaxCopyBytes + 2);
        }
        if (random.OneIn(4))
        {
            message.GrantAddress = (ulong)scratch + (random.OneIn(4) ? (ulong)random.Below(8192) : 0);
            message.GrantLength = random.OneIn(4) ? random.Next() : (ulong)(4096 * (1 + random.Below(2)));
            message.Flags = random.OneIn(2) ? IpcFlags.GrantWritable : IpcFlags.None;
        }
        if (random.OneIn(4))
        {
            // A fresh port or pipe end to hand over: the receiver now owns (or must drop) it.
            if (random.OneIn(2))
                message.Handle = SystemCall.Call(SyscallNumber.PortCreate);
            else
            {
                long* ends = stackalloc long[2];
                if (SystemCall.Call(SyscallNumber.PipeCreate, (long)ends) == 0)
                {
                    message.Handle = ends[random.Below(2)];
                    SystemCall.Call(SyscallNumber.HandleClose, ends[0] + ends[1] - message.Handle);
                }
            }
        }
        return message;
    }
}
