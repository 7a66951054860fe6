using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UserRuntime;

namespace System;

/// <summary>
/// The console of a ring-3 program (the serial line and the screen), with .NET's names.
/// Output is written as UTF-8; input arrives as the terminal sends it (UTF-8 bytes).
/// </summary>
public static unsafe class Console
{
    // Each piece is one system call, which reaches the console whole: text up to this size
    // never interleaves with another process's output.
    private const int BufferSize = 4096;

    public static void Write(string text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        byte[] bytes = new byte[Utf8.GetLenientByteCount(text)];
        Utf8.EncodeLenient(text, bytes);
        fixed (byte* buffer = bytes)
        {
            for (int start = 0; start < bytes.Length;)
            {
                // Pieces end on a character boundary, so no character is split between two writes.
                int end = start + BufferSize < bytes.Length ? start + BufferSize : bytes.Length;
                while (end < bytes.Length && end > start + 1 && Utf8Scalar.IsContinuation(bytes[end]))
                    end--;
                SystemCall.Call(SyscallNumber.ConsoleWrite, (long)(buffer + start), end - start);
                start = end;
            }
        }
    }

    /// <summary>Writes bytes as they are (UTF-8 text read from a file, say), in one system call.</summary>
    internal static long WriteBytes(byte* bytes, long count) =>
        SystemCall.Call(SyscallNumber.ConsoleWrite, (long)bytes, count);

    public static void Write(char c) => Write(new string(c, 1));

    public static void WriteLine(string text) => Write(text + "\n");

    public static void WriteLine() => Write("\n");

    /// <summary>Reads one byte of input, waiting for it; -1 if input failed.</summary>
    public static int Read()
    {
        byte value;
        long result = SystemCall.Call(SyscallNumber.ConsoleRead, (long)&value, 1);
        return result == 1 ? value : -1;
    }
}
