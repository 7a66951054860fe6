using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `bad-fs garbage|silent|lend`, run as the first program (root authority at handle 4) with /disk
/// placed in ring 3: it attaches to /disk as a file server that answers garbage or never
/// answers, then uses /disk and / as a client and prints what the kernel's forwarding mount
/// made of it (I/O errors; time-outs; the root volume unaffected meanwhile), then powers off.
/// `lend` serves one file whose reads and writes come in the client's lent pages
/// (<see cref="LendingFileServer"/>).
/// </summary>
internal static unsafe partial class BadFileServer
{
    private const long Authority = StartupHandles.RootAuthority;
    private static long s_port;
    private static volatile int s_silentStarted;
    private static volatile int s_diskCallDone;

    public static int Run(string mode)
    {
        if (mode != "garbage" && mode != "silent" && mode != "lend")
        {
            Console.WriteLine("usage: bad-fs garbage|silent|lend");
            return 2;
        }
        long block = BlockCalls.Open(Authority, "/disk");
        s_port = SyscallPorts.Instance.CreatePort();
        byte* window = (byte*)SystemCall.Call(SyscallNumber.MapMemory, FileServerProtocol.WindowBytes / 4096);
        new Span<byte>(window, FileServerProtocol.WindowBytes).Clear();
        "FAT32"u8.CopyTo(new Span<byte>(window, 16));
        "bad0"u8.CopyTo(new Span<byte>(window + 16, 16));
        long attached = SystemCall.Call(SyscallNumber.FileServerAttach, block, s_port, (long)window, FileServerProtocol.WindowBytes);
        Console.WriteLine("bad-fs: attached (" + (attached < 0 ? ProcessCalls.ErrorText(attached) : "ok") + ")");
        if (attached < 0)
            return 1;
        UserThread.Start(mode == "garbage" ? &AnswerGarbage : mode == "lend" ? &AnswerLending : &NeverAnswer, 0);

        if (mode == "lend")
        {
            UseLentPages();
        }
        else if (mode == "garbage")
        {
            Console.WriteLine("bad-fs: stat /disk/any: " + Outcome(FileCalls.Stat("/disk/any", out _)));
            Console.WriteLine("bad-fs: open /disk/any: " + Outcome(FileCalls.Open("/disk/any", FileOpenFlags.Read)));
            Console.WriteLine("bad-fs: ls /disk: " + Outcome(FileCalls.Open("/disk", FileOpenFlags.Directory)));
            Console.WriteLine("bad-fs: mkdir /disk/d: " + Outcome(FileCalls.CreateDirectory("/disk/d")));
        }
        else
        {
            // One thread waits on the silent server; meanwhile the root volume must answer at once.
            UserThread.Start(&StatOnDisk, 0);
            while (s_silentStarted == 0)
                ProcessCalls.Sleep(10);
            ProcessCalls.Sleep(200);
            long start = ProcessCalls.UptimeMilliseconds;
            long fd = FileCalls.Open("/bad-fs.txt", FileOpenFlags.Write | FileOpenFlags.Create);
            long written = fd < 0 ? fd : FileCalls.Write(fd, "root\n");
            FileCalls.Close(fd);
            long rootTime = ProcessCalls.UptimeMilliseconds - start;
            Console.WriteLine("bad-fs: / wrote " + Outcome(written) + " in " + rootTime.ToString() + " ms while /disk " + (s_diskCallDone == 0 ? "waited" : "had answered"));
            while (s_diskCallDone == 0)
                ProcessCalls.Sleep(50);
            start = ProcessCalls.UptimeMilliseconds;
            long again = FileCalls.Stat("/disk/other", out _);
            Console.WriteLine("bad-fs: /disk again: " + Outcome(again) + " in " + (ProcessCalls.UptimeMilliseconds - start).ToString() + " ms");
        }
        Console.WriteLine("bad-fs: done");
        ProcessCalls.PowerOff(Authority);
        return 0;
    }

    private static void StatOnDisk(ulong unused)
    {
        long start = ProcessCalls.UptimeMilliseconds;
        s_silentStarted = 1;
        long result = FileCalls.Stat("/disk/slow", out _);
        Console.WriteLine("bad-fs: /disk call: " + Outcome(result) + " after " + (ProcessCalls.UptimeMilliseconds - start).ToString() + " ms");
        s_diskCallDone = 1;
    }

    // Every answer wrong in another way: a tag that is no error code, ids and sizes out of range.
    private static void AnswerGarbage(ulong unused)
    {
        var message = default(ShortMessage);
        for (ulong n = 0; ; n++)
        {
            if (SyscallPorts.Instance.ReplyWait(s_port, ref message) < 0)
                return;
            message = (n % 3) switch
            {
                0 => new ShortMessage(9999, 5, 0),
                1 => new ShortMessage(0, ulong.MaxValue, 7, ulong.MaxValue, ulong.MaxValue),
                _ => new ShortMessage(0, 1, 1, ulong.MaxValue),
            };
        }
    }

    // Takes the call and never replies.
    private static void NeverAnswer(ulong unused)
    {
        var message = default(ShortMessage);
        SyscallPorts.Instance.ReplyWait(s_port, ref message);
        while (true)
            ProcessCalls.Sleep(100000);
    }

    private static string Outcome(long result) => result < 0 ? ProcessCalls.ErrorText(result) : "ok (" + result.ToString() + ")";
}
