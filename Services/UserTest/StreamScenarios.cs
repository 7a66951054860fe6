using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Standard I/O scenarios for the shell's pipes and redirections: wc (counts what standard
/// input holds, to its end), flood (writes to standard output until the pipe's reader is
/// gone, then says so on standard error), stdio-handles (bad stream calls give errors).
/// </summary>
internal static unsafe class StreamScenarios
{
    /// <summary>Lines, words, bytes and characters (UTF-8 scalars) of standard input, read to its end.</summary>
    public static int CountInput()
    {
        byte[] buffer = new byte[512];
        long lines = 0, words = 0, bytes = 0, characters = 0;
        bool inWord = false;
        while (true)
        {
            long read = StreamCalls.Read(StandardStreams.Input, buffer, 0, buffer.Length);
            if (read < 0)
            {
                Console.WriteLine("wc: " + ProcessCalls.ErrorText(read));
                return 1;
            }
            if (read == 0)
                break;
            for (int i = 0; i < read; i++)
            {
                byte value = buffer[i];
                bytes++;
                if ((value & 0xC0) != 0x80)
                    characters++;
                if (value == '\n')
                    lines++;
                bool blank = value == ' ' || value == '\n' || value == '\t' || value == '\r';
                if (!blank && !inWord)
                    words++;
                inWord = !blank;
            }
        }
        Console.WriteLine("wc: " + lines.ToString() + " lines, " + words.ToString() + " words, " + bytes.ToString() + " bytes, " + characters.ToString() + " characters");
        return 0;
    }

    /// <summary>Writes 1 KiB blocks to standard output until a write fails; reports on standard error.</summary>
    public static int Flood()
    {
        byte[] block = new byte[1024];
        for (int i = 0; i < block.Length; i++)
            block[i] = (byte)('a' + i % 26);
        long total = 0;
        while (true)
        {
            long written = StreamCalls.Write(StandardStreams.Output, block, 0, block.Length);
            if (written < 0)
            {
                WriteError("flood: stopped after " + total.ToString() + " bytes: " + ProcessCalls.ErrorText(written) + "\n");
                return written == SyscallResult.Error(SyscallError.PeerClosed) ? 0 : 1;
            }
            total += written;
        }
    }

    /// <summary>Stream calls with wrong handles, directions and pointers: each an error, never a fault.</summary>
    public static int BadStreamCalls()
    {
        int failures = 0;
        byte value = 0;
        failures += Expect("read from an unused handle", StreamCalls.Read(999, &value, 1), SyscallError.BadHandle);
        failures += Expect("read from standard output", StreamCalls.Read(StartupHandles.StandardOutput, &value, 1), SyscallError.NoRight);
        failures += Expect("write to standard input", StreamCalls.Write(StartupHandles.StandardInput, &value, 1), SyscallError.NoRight);
        failures += Expect("write from a kernel address", StreamCalls.Write(StartupHandles.StandardOutput, (byte*)0xFFFF_FFFF_8010_0000, 4), SyscallError.BadAddress);
        failures += Expect("write with a negative count", StreamCalls.Write(StartupHandles.StandardOutput, &value, -1), SyscallError.InvalidArgument);
        long port = SystemCall.Call(SyscallNumber.PortCreate);
        failures += Expect("write to a port", StreamCalls.Write(port, &value, 1), SyscallError.WrongKind);
        failures += Expect("pipe ends at a kernel address", SystemCall.Call(SyscallNumber.PipeCreate, unchecked((long)0xFFFF_8000_0000_0000)), SyscallError.BadAddress);
        failures += Expect("open a missing file as a stream", StreamCalls.OpenFile("/no/such/file", FileOpenFlags.Read), SyscallError.NotFound);
        failures += Expect("open a stream with no direction", StreamCalls.OpenFile("/README.TXT", FileOpenFlags.None), SyscallError.InvalidArgument);

        StreamCalls.CreatePipe(out long readEnd, out long writeEnd);
        failures += Expect("read into read-only code", StreamCalls.Read(readEnd, (byte*)0x400000, 8), SyscallError.BadAddress);
        failures += Expect("write to a read end", StreamCalls.Write(readEnd, &value, 1), SyscallError.NoRight);
        value = 42;
        failures += Expect("write one byte", StreamCalls.Write(writeEnd, &value, 1), SyscallError.None, 1);
        StreamCalls.Close(writeEnd);
        value = 0;
        failures += Expect("read it back", StreamCalls.Read(readEnd, &value, 1), SyscallError.None, 1);
        failures += Expect("then the end of the file", StreamCalls.Read(readEnd, &value, 1), SyscallError.None, 0);
        StreamCalls.CreatePipe(out long readEnd2, out long writeEnd2);
        StreamCalls.Close(readEnd2);
        failures += Expect("write with no reader", StreamCalls.Write(writeEnd2, &value, 1), SyscallError.PeerClosed);
        Console.WriteLine("stream-calls: " + (value == 42 ? "" : "wrong byte; ") + failures.ToString() + " failures");
        return failures == 0 && value == 42 ? 0 : 1;
    }

    private static int Expect(string what, long result, SyscallError error, long success = 0)
    {
        long expected = error == SyscallError.None ? success : SyscallResult.Error(error);
        if (result == expected)
            return 0;
        Console.WriteLine("stream-calls: " + what + ": got " + result.ToString() + ", expected " + expected.ToString());
        return 1;
    }

    private static void WriteError(string text)
    {
        byte[] bytes = CosmosHybrid.Services.Abi.Text.Utf8.GetBytes(text);
        StreamCalls.Write(StandardStreams.Error, bytes, 0, bytes.Length);
    }
}
