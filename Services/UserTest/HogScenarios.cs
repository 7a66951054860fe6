using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Hogs: programs that take one resource until the system refuses, print how far they got and
/// the error ("hog-NAME: ... (ERROR)"), print "hog-NAME: holding" and keep what they took until
/// they are killed, so the rest of the system can be checked while they hold it and after.
/// hog-spawn [MAX] (children until the process table or memory refuses), hog-memory (1 MiB
/// arrays, each page touched, until OutOfMemoryException), hog-touch (reserves more than there
/// is and touches it: killed, reported as out of memory), hog-handles (ports until the handle
/// quota), hog-ports (every port it may open filled with 4 KiB messages nobody receives),
/// hog-disk FILE (writes until the disk is full, file held open), hog-sockets (net sessions
/// and UDP sockets until the net service refuses: its per-process limits, 8 sessions and 64 sockets).
/// </summary>
internal static unsafe class HogScenarios
{
    private const int MiB = 1024 * 1024;
    private const int PageSize = 4096;

    public static int Run(string scenario, string rest)
    {
        switch (scenario)
        {
            case "hog-spawn":
                Spawn(Scenarios.ParseOr(rest.Trim(), 1024));
                break;
            case "hog-child":
                return Child(Scenarios.ParseOr(rest.Trim(), 0));
            case "hog-memory":
                Memory();
                break;
            case "hog-touch":
                Touch();
                break;
            case "hog-handles":
                Handles();
                break;
            case "hog-ports":
                Ports();
                break;
            case "hog-disk":
                Disk(rest.Trim());
                break;
            case "hog-sockets":
                Sockets();
                break;
            default:
                Console.WriteLine("usertest: unknown hog " + scenario);
                return 2;
        }
        Console.WriteLine(scenario + ": holding");
        while (true)
            ProcessCalls.Sleep(10000);
    }

    /// <summary>`meminfo`: one line of figures to compare before, during and after a hog (the kernel heap collected first).</summary>
    public static int MemoryFigures()
    {
        if (ProcessCalls.GetMemoryInfo(out MemoryInfo info, collectKernelHeap: true) < 0)
            return 1;
        Console.WriteLine("meminfo: free frames " + info.FreePages.ToString() + ", kernel heap live "
            + (info.KernelHeapLiveBytes / 1024).ToString() + " KiB of " + (info.KernelHeapBytes / 1024).ToString() + " KiB");
        return 0;
    }

    private static void Spawn(int max)
    {
        string command = "usertest hog-child " + ProcessCalls.CurrentId.ToString();
        int count = 0;
        long result = 0;
        while (count < max && (result = ProcessCalls.Spawn(command)) > 0)
            count++;
        Console.WriteLine("hog-spawn: " + count.ToString() + " processes ("
            + (count == max ? "stopped at " + max.ToString() : ProcessCalls.ErrorText(result)) + ")");
    }

    // A bomb's child: idles until its parent is gone (killing the bomb ends them all).
    private static int Child(long parent)
    {
        ProcessInfo info;
        while (SystemCall.Call(SyscallNumber.GetProcessInfo, parent, (long)&info) >= 0 && info.State == (long)ProcessState.Running)
            ProcessCalls.Sleep(500);
        return 0;
    }

    private static void Memory()
    {
        var held = new List<byte[]>();
        string error = "no error";
        try
        {
            while (true)
            {
                byte[] block = new byte[MiB];
                for (int i = 0; i < block.Length; i += PageSize)
                    block[i] = 1;
                held.Add(block);
            }
        }
        catch (OutOfMemoryException)
        {
            error = "OutOfMemoryException";
        }
        // A little room back, for the report's strings.
        int total = held.Count;
        for (int i = 0; i < 4 && held.Count > 0; i++)
            held.RemoveAt(held.Count - 1);
        GC.Collect();
        Console.WriteLine("hog-memory: " + total.ToString() + " MiB (" + error + ")");
        GC.KeepAlive(held);
    }

    // Reserves address space in 64 MiB blocks (granted while that much is free), then touches it all:
    // more than there is, so a page finds no frame and the kernel ends the program.
    private static void Touch()
    {
        const long BlockPages = 64 * MiB / PageSize;
        var blocks = new long[16];
        int count = 0;
        while (count < blocks.Length)
        {
            long address = SystemCall.Call(SyscallNumber.MapMemory, BlockPages);
            if (address < 0)
                break;
            blocks[count++] = address;
        }
        Console.WriteLine("hog-touch: reserved " + (count * 64).ToString() + " MiB");
        for (int i = 0; i < count; i++)
        {
            TouchBlock((byte*)blocks[i], BlockPages);
            Console.WriteLine("hog-touch: " + ((i + 1) * 64).ToString() + " MiB touched");
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void TouchBlock(byte* block, long pages)
    {
        for (long page = 0; page < pages; page++)
            block[page * PageSize] = 1;
    }

    private static void Handles()
    {
        SyscallPorts ports = SyscallPorts.Instance;
        int count = 0;
        long result;
        while ((result = ports.CreatePort()) > 0)
            count++;
        Console.WriteLine("hog-handles: " + count.ToString() + " ports (" + ProcessCalls.ErrorText(result) + ")");
    }

    // Fills the queue of every port it can open with 4 KiB messages; nobody receives them, so
    // the kernel holds their bytes until the ports close.
    private static void Ports()
    {
        SyscallPorts ports = SyscallPorts.Instance;
        long buffer = SystemCall.Call(SyscallNumber.MapMemory, 1);
        ProcessCalls.GetMemoryInfo(out MemoryInfo before);
        int portCount = 0;
        long queued = 0;
        long result;
        long sendError = 0;
        while ((result = ports.CreatePort()) > 0)
        {
            portCount++;
            var message = default(IpcMessage);
            message.BufferAddress = (ulong)buffer;
            message.BufferLength = PageSize;
            long sent;
            while ((sent = ports.Send(result, ref message, 0)) == 0)
                queued++;
            sendError = sent;
            // A sender that waits is refused after its time-out too: it does not hang.
            if (portCount == 1)
            {
                long waited = ports.Send(result, ref message, 50);
                Console.WriteLine("hog-ports: a send that waits 50 ms: " + ProcessCalls.ErrorText(waited));
            }
        }
        ProcessCalls.GetMemoryInfo(out MemoryInfo after);
        Console.WriteLine("hog-ports: " + portCount.ToString() + " ports (" + ProcessCalls.ErrorText(result) + "), "
            + queued.ToString() + " messages queued (" + ProcessCalls.ErrorText(sendError) + "), kernel heap "
            + (before.KernelHeapBytes / 1024).ToString() + " -> " + (after.KernelHeapBytes / 1024).ToString() + " KiB");
    }

    private static void Disk(string path)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (fd < 0)
        {
            Console.WriteLine("hog-disk: " + path + ": " + ProcessCalls.ErrorText(fd));
            return;
        }
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.Length; i++)
            chunk[i] = (byte)(i * 13 + 1);
        long total = 0;
        long result;
        while ((result = FileCalls.Write(fd, chunk, 0, chunk.Length)) > 0)
            total += result;
        Console.WriteLine("hog-disk: " + (total / 1024).ToString() + " KiB written ("
            + (result < 0 ? ProcessCalls.ErrorText(result) : "no error") + ")");
    }

    private static void Sockets()
    {
        var sessions = new List<NetClient>();
        int sockets = 0;
        NetStatus status;
        while (true)
        {
            status = NetClient.Open(SyscallPorts.Instance, HogClock.Instance, out NetClient client);
            if (status != NetStatus.Ok)
                break;
            sessions.Add(client);
            while ((status = client.UdpBind(0, out _, out _)) == NetStatus.Ok)
                sockets++;
            // A session that could not make one socket means the service has none left.
            if (status != NetStatus.NoResources || sockets % NetProtocol.MaxSocketsPerClient != 0)
                break;
        }
        Console.WriteLine("hog-sockets: " + sessions.Count.ToString() + " sessions, " + sockets.ToString() + " sockets ("
            + NetStatusText.Of(status) + ")");
    }

    /// <summary>
    /// socket-neighbour: what another program gets from net while hog-sockets holds all it may (net's
    /// per-process limits): a session and a UDP socket of its own, then both are closed.
    /// </summary>
    public static int Neighbour()
    {
        NetStatus status = NetClient.Open(SyscallPorts.Instance, HogClock.Instance, out NetClient client);
        if (status == NetStatus.Ok)
        {
            status = client.UdpBind(0, out int socket, out _);
            if (status == NetStatus.Ok)
                client.Close(socket);
            client.Dispose();
        }
        Console.WriteLine("socket-neighbour: " + (status == NetStatus.Ok ? "a session and a socket" : NetStatusText.Of(status)));
        return status == NetStatus.Ok ? 0 : 1;
    }

    private sealed class HogClock : NetClient.IClock
    {
        public static readonly HogClock Instance = new HogClock();

        public long NowMilliseconds => ProcessCalls.UptimeMilliseconds;
    }
}
