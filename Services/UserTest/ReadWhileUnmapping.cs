using System;
using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// <c>read-unmap N</c>: one thread reads a 64 KiB file of the root volume (served by the kernel,
/// which writes straight into the caller's pages) into a MapMemory buffer again and again while
/// another thread unmaps that buffer, N times. The kernel holds the pages it writes, so an unmap
/// that comes while a read is under way is refused (InvalidArgument) and succeeds once no read
/// holds them; the read after it fails. Before, the unmap succeeded mid-read and the kernel went on
/// writing file bytes into frames it had taken back. Prints how many unmaps were refused, how the
/// reads ended and whether every frame came back.
/// </summary>
internal static unsafe class ReadWhileUnmapping
{
    private const int Pages = 16;
    private const long Bytes = Pages * 4096;
    private const string FilePath = "/usertest-read-unmap.bin";
    private const int MaxAttempts = 20000;

    private static long s_fd;
    private static long s_buffer;     // the round's buffer, 0 while there is none
    private static long s_lastRead;   // how the reader's last read of the round ended
    private static int s_readerDone;  // rounds the reader has finished
    private static int s_stop;

    public static int Run(int rounds)
    {
        s_fd = PrepareFile();
        if (s_fd < 0)
        {
            Console.WriteLine("read-unmap: cannot write " + FilePath + ": " + s_fd.ToString());
            return 1;
        }
        var reader = new Thread(ReadUntilUnmapped);
        reader.Start();
        // Once: the reader's stack and the file's blocks are in place before the frames are counted.
        OneRound(-1, out _, out _);

        long ownBefore = OwnPages.Count();
        ProcessCalls.GetMemoryInfo(out MemoryInfo before);
        int refused = 0, badAddress = 0, shortReads = 0, wrong = 0;
        for (int round = 0; round < rounds && wrong == 0; round++)
        {
            if (!OneRound(round, out int roundRefused, out long lastRead))
                wrong++;
            refused += roundRefused;
            if (lastRead == SyscallResult.Error(SyscallError.BadAddress))
                badAddress++;
            else if (lastRead >= 0 && lastRead < Bytes)
                shortReads++;
            else
            {
                Console.WriteLine("  round " + round.ToString() + ": the last read returned " + lastRead.ToString());
                wrong++;
            }
        }
        // Counted while the reader (its stacks) and the file (its blocks) are still there, as before the rounds.
        ProcessCalls.Sleep(10);
        ProcessCalls.GetMemoryInfo(out MemoryInfo after);
        long ownAfter = OwnPages.Count();
        Volatile.Write(ref s_stop, 1);
        Volatile.Write(ref s_buffer, 1);   // wakes the reader, which sees the stop
        reader.Join();
        FileCalls.Close(s_fd);
        FileCalls.Unlink(FilePath);
        long leaked = (before.FreePages + before.KernelHeapBytes / before.PageSize)
            - (after.FreePages + after.KernelHeapBytes / after.PageSize) - (ownAfter - ownBefore);
        Console.WriteLine("read-unmap: " + rounds.ToString() + " rounds, " + refused.ToString() + " unmaps refused while a read held the pages; reads ended by "
            + badAddress.ToString() + " bad addresses and " + shortReads.ToString() + " short counts; " + wrong.ToString() + " wrong; frames not accounted for: "
            + leaked.ToString());
        return wrong == 0 && leaked == 0 && refused > 0 ? 0 : 1;
    }

    private static long PrepareFile()
    {
        long fd = FileCalls.Open(FilePath, FileOpenFlags.Read | FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (fd < 0)
            return fd;
        byte[] data = new byte[Bytes];
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 7 + 1);
        long written = FileCalls.Write(fd, data, 0, data.Length);
        return written == Bytes ? fd : SyscallResult.Error(SyscallError.NoSpace);
    }

    // A fresh buffer, every page touched; the reader reads into it while this thread waits a
    // little (the reader then runs, and a tick brings this thread back most likely while a read is
    // under way), then unmaps it, trying again while a read holds it. False when the unmap is never
    // allowed (a hold that does not end) or fails otherwise.
    private static bool OneRound(int round, out int refused, out long lastRead)
    {
        refused = 0;
        lastRead = 0;
        long buffer = SystemCall.Call(SyscallNumber.MapMemory, Pages);
        if (buffer < 0)
        {
            Console.WriteLine("  round " + round.ToString() + ": MapMemory " + buffer.ToString());
            return false;
        }
        for (int page = 0; page < Pages; page++)
            ((byte*)buffer)[page * 4096] = 1;
        int done = Volatile.Read(ref s_readerDone);
        Volatile.Write(ref s_buffer, buffer);
        ProcessCalls.Sleep(3);
        for (int attempt = 0; ; attempt++)
        {
            long result = SystemCall.Call(SyscallNumber.UnmapMemory, buffer, Pages);
            if (result == 0)
                break;
            if (result != SyscallResult.Error(SyscallError.InvalidArgument) || attempt == MaxAttempts)
            {
                Console.WriteLine("  round " + round.ToString() + ": unmap " + result.ToString() + " after " + attempt.ToString() + " attempts");
                return false;
            }
            refused++;
            ProcessCalls.Yield();
        }
        // The reader stops at its first read that does not fill the buffer (the one after the unmap at the latest).
        while (Volatile.Read(ref s_readerDone) == done)
            ProcessCalls.Sleep(1);
        lastRead = Volatile.Read(ref s_lastRead);
        return true;
    }

    private static void ReadUntilUnmapped()
    {
        while (true)
        {
            long buffer;
            while ((buffer = Volatile.Read(ref s_buffer)) == 0)
                ProcessCalls.Sleep(1);
            if (Volatile.Read(ref s_stop) != 0)
                return;
            long result;
            do
                result = FileCalls.ReadAt(s_fd, (byte*)buffer, Bytes, 0);
            while (result == Bytes && Volatile.Read(ref s_stop) == 0);
            Volatile.Write(ref s_lastRead, result);
            Volatile.Write(ref s_buffer, 0);
            Volatile.Write(ref s_readerDone, Volatile.Read(ref s_readerDone) + 1);
        }
    }
}
