using System;
using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// <c>read-race N [DIR]</c>: 4 KiB reads, which the kernel answers from memory without the file-system
/// lock when it can, racing other threads of the process, in N rounds (DIR: the root by default).
/// <list type="bullet">
/// <item>Two threads read one descriptor at its shared position until the end of a file whose 4 KiB
/// block i is all i + 1: every read must be one whole block, and the two together must see every block
/// exactly once (a position taken by both reads, or moved past a block, would show).</item>
/// <item>One thread reads blocks of a file at offsets (pread) while another rewrites the whole file
/// with a higher version byte, truncating it to nothing first every other time and writing another
/// file (byte 0xEE) into the freed clusters meanwhile: every read must be the end of the file or one
/// whole block of one version, never older than a version that block showed before (a stale chain
/// or cluster would show an older or another file's byte).</item>
/// </list>
/// Prints the counts and how many reads were wrong.
/// </summary>
internal static unsafe class ReadRaces
{
    private const int BlockBytes = 4096;
    private const int SharedBlocks = 64;
    private const int VersionedBlocks = 4;
    private const byte OtherFileByte = 0xEE;

    private static long s_sharedFd;
    private static long s_versionedFd;
    private static int s_wrong;
    private static int s_stop;
    private static int s_rewrites;
    private static int s_truncations;
    private static readonly int[] s_seen = new int[SharedBlocks];

    public static int Run(string arguments)
    {
        string text = arguments.Trim();
        int space = text.IndexOf(' ');
        int rounds = text.Length == 0 ? 20 : int.Parse(space < 0 ? text : text.Substring(0, space));
        string directory = space < 0 ? "" : text.Substring(space + 1).Trim();
        if (directory.EndsWith("/"))
            directory = directory.Substring(0, directory.Length - 1);
        string shared = directory + "/usertest-race-shared.bin";
        string versioned = directory + "/usertest-race-versioned.bin";
        string other = directory + "/usertest-race-other.bin";

        byte[] content = new byte[SharedBlocks * BlockBytes];
        for (int i = 0; i < content.Length; i++)
            content[i] = (byte)(i / BlockBytes + 1);
        if (!WriteWhole(shared, content, 0, content.Length))
            return 1;
        s_sharedFd = FileCalls.Open(shared, FileOpenFlags.Read);
        s_versionedFd = FileCalls.Open(versioned, FileOpenFlags.Read | FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (s_sharedFd < 0 || s_versionedFd < 0)
        {
            Console.WriteLine("read-race: cannot open the files: " + s_sharedFd.ToString() + " " + s_versionedFd.ToString());
            return 1;
        }

        long sharedReads = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int block = 0; block < SharedBlocks; block++)
                s_seen[block] = 0;
            FileCalls.Seek(s_sharedFd, 0, FileSeekOrigin.Begin);
            var second = new Thread(ReadSharedToTheEnd);
            second.Start();
            ReadSharedToTheEnd();
            second.Join();
            for (int block = 0; block < SharedBlocks; block++)
            {
                sharedReads += s_seen[block];
                if (s_seen[block] != 1)
                {
                    Console.WriteLine("  round " + round.ToString() + ": block " + block.ToString() + " read " + s_seen[block].ToString() + " times");
                    Interlocked.Increment(ref s_wrong);
                }
            }
        }

        Volatile.Write(ref s_stop, 0);
        var reader = new Thread(ReadVersionsUntilStopped);
        reader.Start();
        byte[] version = new byte[VersionedBlocks * BlockBytes];
        for (int v = 1; v <= rounds * 4 && v < OtherFileByte; v++)
        {
            if (v % 2 == 0)
            {
                // Frees the file's clusters and gives them to another file before the file grows again.
                FileCalls.SetLength(s_versionedFd, 0);
                s_truncations++;
                byte[] otherBytes = new byte[VersionedBlocks * BlockBytes];
                Fill(otherBytes, OtherFileByte);
                WriteWhole(other, otherBytes, 0, otherBytes.Length);
                ProcessCalls.Yield();
            }
            Fill(version, (byte)v);
            FileCalls.Seek(s_versionedFd, 0, FileSeekOrigin.Begin);
            if (FileCalls.Write(s_versionedFd, version, 0, version.Length) != version.Length)
                Interlocked.Increment(ref s_wrong);
            s_rewrites++;
            ProcessCalls.Yield();
        }
        Volatile.Write(ref s_stop, 1);
        reader.Join();
        long versionedReads = s_versionedReads;

        FileCalls.Close(s_sharedFd);
        FileCalls.Close(s_versionedFd);
        FileCalls.Unlink(shared);
        FileCalls.Unlink(versioned);
        FileCalls.Unlink(other);
        Console.WriteLine("read-race: " + rounds.ToString() + " rounds, " + sharedReads.ToString() + " reads at the shared position, "
            + versionedReads.ToString() + " reads at offsets during " + s_rewrites.ToString() + " rewrites and "
            + s_truncations.ToString() + " truncations; " + s_wrong.ToString() + " wrong");
        return s_wrong == 0 ? 0 : 1;
    }

    private static long s_versionedReads;

    // Reads at the shared position, 4 KiB at a time into a page of its own, until the end of the file.
    private static void ReadSharedToTheEnd()
    {
        byte* buffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        for (int reads = 0; ; reads++)
        {
            long read = FileCalls.Read(s_sharedFd, buffer, BlockBytes);
            if (read == 0)
                break;
            byte value = buffer[0];
            if (read != BlockBytes || value == 0 || value > SharedBlocks || !Uniform(buffer, value))
            {
                Console.WriteLine("  shared read: " + read.ToString() + " bytes starting with " + value.ToString());
                Interlocked.Increment(ref s_wrong);
                break;
            }
            Interlocked.Increment(ref s_seen[value - 1]);
            if (reads % 3 == 0)
                ProcessCalls.Yield();
        }
        SystemCall.Call(SyscallNumber.UnmapMemory, (long)buffer, 1);
    }

    private static void ReadVersionsUntilStopped()
    {
        byte* buffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        byte* newest = stackalloc byte[VersionedBlocks];
        for (int i = 0; i < VersionedBlocks; i++)
            newest[i] = 0;
        for (long reads = 0; Volatile.Read(ref s_stop) == 0; reads++)
        {
            int block = (int)(reads % VersionedBlocks);
            long read = FileCalls.ReadAt(s_versionedFd, buffer, BlockBytes, block * BlockBytes);
            s_versionedReads++;
            if (read == 0)
                continue;   // truncated meanwhile
            byte value = buffer[0];
            if (read != BlockBytes || value == 0 || value == OtherFileByte || value < newest[block] || !Uniform(buffer, value))
            {
                Console.WriteLine("  read at block " + block.ToString() + ": " + read.ToString() + " bytes of version " + value.ToString()
                    + " after version " + newest[block].ToString());
                Interlocked.Increment(ref s_wrong);
                break;
            }
            newest[block] = value;
            if (reads % 5 == 0)
                ProcessCalls.Yield();
        }
        SystemCall.Call(SyscallNumber.UnmapMemory, (long)buffer, 1);
    }

    private static void Fill(byte[] bytes, byte value)
    {
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = value;
    }

    private static bool Uniform(byte* bytes, byte value)
    {
        for (int i = 0; i < BlockBytes; i++)
        {
            if (bytes[i] != value)
                return false;
        }
        return true;
    }

    private static bool WriteWhole(string path, byte[] data, int offset, int count)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        long written = fd < 0 ? fd : FileCalls.Write(fd, data, offset, count);
        if (fd >= 0)
            FileCalls.Close(fd);
        if (written != count)
            Console.WriteLine("read-race: cannot write " + path + ": " + written.ToString());
        return written == count;
    }
}
