using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// <c>syscall-registers N</c>: makes system calls whose kernel paths move data through SSE registers
/// (a file read of a page, a message with bytes received, records written out, a file looked up in
/// its directory, a directory listed) straight from assembly, with its own
/// values in xmm0-15 (and in the upper YMM halves where the CPU has AVX), and checks what the
/// registers hold on return: each must be zero or the program's own value, never something the
/// kernel left there (the file's bytes, a kernel address).
/// </summary>
internal static unsafe class SyscallRegisters
{
    private const int Registers = 16;
    private const ulong Step = 0x0101_0101_0101_0101;   // usertest_fill_xmm's step from one register to the next
    private const byte FileByte = 0xC7;
    private const byte MessageByte = 0x3D;
    private const string FilePath = "/usertest-xmm.bin";

    // Makes system call 'number' with three arguments after filling xmm0-15 from 'seed' (as
    // usertest_fill_xmm does) and stores xmm0-15 as they are on return at 'dump' (32 qwords).
    [DllImport("*", EntryPoint = "usertest_syscall_xmm"), SuppressGCTransition]
    private static extern long CallAndDump(ulong seed, long number, long argument0, long argument1, long argument2, ulong* dump);

    private static int s_calls;
    private static int s_foreign;
    private static int s_failedCalls;
    private static ulong s_upperLost;

    public static int Run(int rounds)
    {
        bool avx = UpperVectorHalves.Exist;
        byte* page = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        byte* received = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        long fd = WriteFile();
        long port = SyscallPorts.Instance.CreatePort();
        if ((long)page < 0 || (long)received < 0 || fd < 0 || port < 0)
        {
            Console.WriteLine("syscall-registers: setup failed (" + ((long)page).ToString() + ", " + ((long)received).ToString()
                + ", " + fd.ToString() + ", " + port.ToString() + ")");
            return 1;
        }
        var message = default(IpcMessage);
        var memory = default(MemoryInfo);
        var status = default(FileStatus);
        var entries = new DirectoryEntry[8];
        for (int round = 0; round < rounds; round++)
        {
            ulong seed = 0x5EED_0000_0000_0000UL + (ulong)round * 0x0001_0000_0000_0100UL;

            // A page of the file, copied by the kernel from its cache into our page.
            FileCalls.Seek(fd, 0, FileSeekOrigin.Begin);
            Check("file read", seed, avx, SyscallNumber.FileRead, fd, (long)page, 4096, 4096);

            // A message with 1000 bytes, held by the kernel, then copied out with its record.
            var outgoing = default(IpcMessage);
            byte[] bytes = MessageBytes;
            fixed (byte* source = bytes)
            {
                outgoing.BufferAddress = (ulong)source;
                outgoing.BufferLength = (ulong)bytes.Length;
                SyscallPorts.Instance.Send(port, ref outgoing, 0);
            }
            message = default;
            message.BufferAddress = (ulong)received;
            message.BufferLength = 4096;
            Check("message receive", seed + 1, avx, SyscallNumber.PortReceive, port, (long)&message, 0, 0);

            // A record written out.
            Check("memory info", seed + 2, avx, SyscallNumber.GetMemoryInfo, (long)&memory, 0, 0, 0);

            // The file looked up in its directory (the kernel reads the volume's directory entries) and described.
            fixed (byte* path = PathBytes)
            {
                Check("stat", seed + 3, avx, SyscallNumber.FileStat, (long)path, PathBytes.Length, (long)&status, 0);
                long opened = Check("open", seed + 4, avx, SyscallNumber.FileOpen, (long)path, PathBytes.Length, (long)FileOpenFlags.Read, AnyHandle);
                if (opened >= 0)
                    FileCalls.Close(opened);
            }

            // The root directory listed: names of files that are not this program's.
            long directory = FileCalls.Open("/", FileOpenFlags.Directory);
            fixed (DirectoryEntry* records = entries)
                Check("directory read", seed + 5, avx, SyscallNumber.DirectoryRead, directory, (long)records, entries.Length, AnyCount);
            FileCalls.Close(directory);
        }
        FileCalls.Close(fd);
        FileCalls.Unlink(FilePath);
        bool sameFile = page[0] == FileByte && page[4095] == FileByte && received[999] == MessageByte;
        Console.WriteLine("syscall-registers: " + s_calls.ToString() + " calls, " + s_failedCalls.ToString() + " failed, "
            + s_foreign.ToString() + " registers held a value that was neither zero nor the program's own; upper YMM halves lost: "
            + (avx ? s_upperLost.ToString() : "no AVX") + (sameFile ? "" : "; the data read was wrong"));
        return s_foreign == 0 && s_failedCalls == 0 && s_upperLost == 0 && sameFile ? 0 : 1;
    }

    private static readonly byte[] MessageBytes = Filled(1000, MessageByte);
    private static readonly byte[] PathBytes = Ascii(FilePath);

    private static byte[] Ascii(string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }

    // Expected results that are not one number: a new descriptor, a count of records.
    private const long AnyHandle = -1000;
    private const long AnyCount = -1001;

    private static byte[] Filled(int length, byte value)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
            bytes[i] = value;
        return bytes;
    }

    private static long WriteFile()
    {
        long fd = FileCalls.Open(FilePath, FileOpenFlags.Read | FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (fd < 0)
            return fd;
        byte[] data = Filled(4096, FileByte);
        long written = FileCalls.Write(fd, data, 0, data.Length);
        return written == data.Length ? fd : -1;
    }

    private static long Check(string what, ulong seed, bool avx, SyscallNumber number, long argument0, long argument1, long argument2, long expected)
    {
        ulong* dump = stackalloc ulong[2 * Registers];
        if (avx)
            UpperVectorHalves.Fill(seed);
        long result = CallAndDump(seed, (long)number, argument0, argument1, argument2, dump);
        // Read before any other call: the kernel keeps no vector register, so the program's own upper halves must be there.
        if (avx)
            s_upperLost += UpperVectorHalves.CountLost(seed);
        s_calls++;
        bool expectedResult = expected == AnyHandle || expected == AnyCount ? result >= (expected == AnyCount ? 1 : 0) : result == expected;
        if (!expectedResult)
        {
            s_failedCalls++;
            Console.WriteLine("  " + what + ": result " + result.ToString() + ", expected " + expected.ToString());
        }
        ulong own = seed;
        for (int i = 0; i < Registers; i++, own += Step)
        {
            ulong low = dump[2 * i], high = dump[2 * i + 1];
            if ((low == 0 && high == 0) || (low == own && high == own))
                continue;
            if (s_foreign++ < 8)
                Console.WriteLine("  " + what + ": xmm" + i.ToString() + " = 0x" + high.ToString("x16") + low.ToString("x16"));
        }
        return result;
    }
}
