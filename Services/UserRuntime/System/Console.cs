using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UserRuntime;

namespace System;

/// <summary>
/// A ring-3 program's standard input and output, with .NET's names: the handles in
/// <see cref="StandardStreams"/> (1 and 2 unless the program points them elsewhere), which
/// the spawner chose: the console, a pipe, a file. Output is written as UTF-8; input arrives
/// as the other end sends it (UTF-8 bytes from a terminal).
/// </summary>
public static unsafe class Console
{
    // Each piece is one system call, which reaches the console whole: text up to this size
    // never interleaves with another process's output (and goes into a pipe in one piece).
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
                StreamCalls.Write(StandardStreams.Output, buffer + start, end - start);
                start = end;
            }
        }
    }

    /// <summary>Writes bytes as they are (UTF-8 text read from a file, say), in one system call.</summary>
    internal static long WriteBytes(byte* bytes, long count) =>
        StreamCalls.Write(StandardStreams.Output, bytes, count);

    public static void Write(char c) => Write(new string(c, 1));

    public static void WriteLine(string text) => Write(text + "\n");

    public static void WriteLine() => Write("\n");

    /// <summary>Reads one byte of input, waiting for it; -1 at the end of the input (or if input failed).</summary>
    public static int Read()
    {
        byte value;
        long result = StreamCalls.Read(StandardStreams.Input, &value, 1);
        return result == 1 ? value : -1;
    }
}
