using CosmosHybrid.Abi;
using CosmosHybrid.UserRuntime;

namespace System;

/// <summary>
/// The console of a ring-3 program (the serial line and the screen), with .NET's names.
/// Output is written as Latin-1 bytes; input arrives as the terminal sends it.
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
        byte* buffer = stackalloc byte[text.Length < BufferSize ? text.Length : BufferSize];
        for (int start = 0; start < text.Length; start += BufferSize)
        {
            int count = text.Length - start < BufferSize ? text.Length - start : BufferSize;
            for (int i = 0; i < count; i++)
            {
                char c = text[start + i];
                buffer[i] = c < 256 ? (byte)c : (byte)'?';
            }
            SystemCall.Call(SyscallNumber.ConsoleWrite, (long)buffer, count);
        }
    }

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
