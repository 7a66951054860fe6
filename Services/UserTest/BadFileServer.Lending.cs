using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `bad-fs lend`: a server of one file (id 2) that gets file data in the client's lent pages and
/// misbehaves with them: it writes the bytes of the lent pages beside the request (which must not
/// reach the client), answers one read with more than asked (an I/O error), and never answers the
/// last one (a time-out). After each call the client (the same process) checks that the lent
/// address no longer reaches any memory, through a system call that reads it (bad address).
/// </summary>
internal static unsafe partial class BadFileServer
{
    private const ulong PageSize = 4096;
    private const ulong FileId = 2;
    private static long s_lentAddress;
    private static long s_lentCount;
    private static long s_probeWhileLent;
    private static bool s_answeredTooMany;
    private static int s_writeMatches;

    private static void UseLentPages()
    {
        byte* buffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 4);
        new Span<byte>(buffer, 4 * (int)PageSize).Fill(0xEE);
        long fd = FileCalls.Open("/disk/lent.bin", FileOpenFlags.Read | FileOpenFlags.Write);
        Console.WriteLine("bad-fs: open /disk/lent.bin: " + Outcome(fd));

        // Whole pages, lent as they are.
        long read = FileCalls.ReadAt(fd, buffer, 2 * (long)PageSize, 0);
        Console.WriteLine("bad-fs: read whole pages: " + Outcome(read) + ", " + (HasPattern(buffer, 2 * (int)PageSize) ? "data ok" : "data wrong")
            + ", lent " + Probe(s_probeWhileLent) + " while lent, " + Probe(ProbeLent()) + " after");

        // A buffer 100 bytes into a page, 5000 bytes long: partial pages at both ends, whose other bytes the server writes over.
        new Span<byte>(buffer, 4 * (int)PageSize).Fill(0xEE);
        read = FileCalls.ReadAt(fd, buffer + 100, 5000, 0);
        bool beside = Untouched(buffer, 100) && Untouched(buffer + 5100, 4 * (int)PageSize - 5100);
        Console.WriteLine("bad-fs: read partial pages: " + Outcome(read) + ", " + (HasPattern(buffer + 100, 5000) ? "data ok" : "data wrong")
            + ", bytes beside it " + (beside ? "untouched" : "changed") + ", lent " + Probe(ProbeLent()) + " after");

        // Bytes from an unaligned buffer, read by the server in the lent pages.
        for (int i = 0; i < 5000; i++)
            buffer[300 + i] = (byte)(i * 3 + 1);
        long written = FileCalls.Write(fd, buffer + 300, 5000);
        Console.WriteLine("bad-fs: write partial pages: " + Outcome(written) + ", " + (s_writeMatches == 5000 ? "server saw the data" : "server saw " + s_writeMatches.ToString())
            + ", lent " + Probe(ProbeLent()) + " after");

        // A read of 1000 bytes is answered with more than asked; every read after it never.
        read = FileCalls.ReadAt(fd, buffer, 1000, 0);
        Console.WriteLine("bad-fs: read answered with too many bytes: " + Outcome(read) + ", lent " + Probe(ProbeLent()) + " after");
        read = FileCalls.ReadAt(fd, buffer, 2 * (long)PageSize, 0);
        Console.WriteLine("bad-fs: read never answered: " + Outcome(read) + ", lent " + Probe(ProbeLent()) + " after");
        FileCalls.Close(fd);
    }

    // Lookup and Stat of the one file, Open, Close; reads fill the lent bytes, writes compare them.
    private static void AnswerLending(ulong unused)
    {
        var message = default(ShortMessage);
        while (true)
        {
            if (SyscallPorts.Instance.ReplyWait(s_port, ref message) < 0)
                return;
            message = (FileServerOperation)message.Tag switch
            {
                FileServerOperation.Lookup => new ShortMessage(0, FileId, 0),
                FileServerOperation.Stat => new ShortMessage(0, message.Word0 == FileId ? 2 * PageSize : 0, message.Word0 == FileId ? 0UL : 1UL),
                FileServerOperation.Read => LentRead(message),
                FileServerOperation.Write => LentWrite(message),
                _ => new ShortMessage(0),
            };
        }
    }

    private static ShortMessage LentRead(in ShortMessage request)
    {
        byte* data = (byte*)request.Word3;
        long count = (long)request.Word2;
        s_lentAddress = (long)data;
        s_lentCount = count;
        if (data == null)
            return new ShortMessage(8 /* StorageError.IoError: the data was not lent */);
        s_probeWhileLent = ProbeLent();
        for (long i = 0; i < count; i++)
            data[i] = Pattern((long)request.Word1 + i);
        // The rest of the first and last lent page: not the client's request.
        byte* pageStart = (byte*)((ulong)data & ~(PageSize - 1));
        byte* end = data + count;
        byte* pageEnd = (byte*)(((ulong)end + PageSize - 1) & ~(PageSize - 1));
        for (byte* b = pageStart; b < data; b++)
            *b = 0x55;
        for (byte* b = end; b < pageEnd; b++)
            *b = 0x55;
        if (s_answeredTooMany)
        {
            while (true)
                ProcessCalls.Sleep(100000);
        }
        if (count == 1000)
        {
            s_answeredTooMany = true;
            return new ShortMessage(0, (ulong)count + 1);
        }
        return new ShortMessage(0, (ulong)count);
    }

    private static ShortMessage LentWrite(in ShortMessage request)
    {
        byte* data = (byte*)request.Word3;
        long count = (long)request.Word2;
        s_lentAddress = (long)data;
        s_lentCount = count;
        int matches = 0;
        for (long i = 0; data != null && i < count; i++)
        {
            if (data[i] == (byte)(((long)request.Word1 + i) * 3 + 1))
                matches++;
        }
        s_writeMatches += matches;
        return new ShortMessage(0, (ulong)count);
    }

    // The pattern of file byte `i` (the file reads from offset 0).
    private static byte Pattern(long i) => (byte)(i * 7 + 3);

    private static bool HasPattern(byte* buffer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (buffer[i] != Pattern(i))
                return false;
        }
        return true;
    }

    private static bool Untouched(byte* bytes, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (bytes[i] != 0xEE)
                return false;
        }
        return true;
    }

    // A system call that reads one byte at the last lent address (as a path): BadAddress when nothing is mapped there.
    private static long ProbeLent()
    {
        FileStatus status;
        return s_lentAddress == 0 ? -1 : SystemCall.Call(SyscallNumber.FileStat, s_lentAddress, 1, (long)&status);
    }

    private static string Probe(long result) =>
        result == SyscallResult.Error(SyscallError.BadAddress) ? "unreachable" : "reachable";
}
