using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Processes;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The system-call handlers' copies across the user/kernel boundary: strings and records
/// in, records, bytes and text out. Every copy goes through the caller's address space,
/// which checks each page, so a bad pointer is an error for the caller, never a kernel fault.
/// Text crosses as Latin-1 (one byte per character, '?' for characters above 255);
/// <see cref="Decode"/> and <see cref="Encode"/> are the only places that know that.
/// </summary>
internal static unsafe class UserMemory
{
    /// <summary>The longest string <see cref="ReadString"/> takes (it is copied in through the kernel stack).</summary>
    public const int MaxStringBytes = 1024;

    // Text goes out through a stack buffer of this size.
    private const int TextChunk = 256;

    /// <summary>
    /// Copies in a string of <paramref name="length"/> bytes: InvalidArgument unless it is
    /// 1 to <paramref name="maxLength"/> bytes, BadAddress unless they are readable user memory.
    /// </summary>
    public static SyscallError ReadString(Process process, ulong address, long length, int maxLength, out string text)
    {
        text = null;
        if (length <= 0 || length > maxLength || length > MaxStringBytes)
            return SyscallError.InvalidArgument;
        byte* bytes = stackalloc byte[(int)length];
        if (!process.AddressSpace.CopyFromUser(bytes, address, (ulong)length))
            return SyscallError.BadAddress;
        // UTF-8 is the text of the boundary: ill-formed bytes are refused, never turned into
        // '?' or into another name.
        char[] chars = new char[length];
        if (Utf8.Decode(new ReadOnlySpan<byte>(bytes, (int)length), chars, out int charCount) != Utf8Status.Ok)
            return SyscallError.InvalidArgument;
        text = new string(chars, 0, charCount);
        return SyscallError.None;
    }

    /// <summary>Copies in <paramref name="length"/> bytes; false when any is not readable user memory.</summary>
    public static bool Read(Process process, void* destination, ulong address, long length) =>
        process.AddressSpace.CopyFromUser(destination, address, (ulong)length);

    /// <summary>Copies in a fixed-layout record; false (and a zeroed record) when it is not readable user memory.</summary>
    public static bool ReadRecord<T>(Process process, ulong address, out T record) where T : struct
    {
        T value;
        if (!process.AddressSpace.CopyFromUser(&value, address, (ulong)sizeof(T)))
        {
            record = default;
            return false;
        }
        record = value;
        return true;
    }

    /// <summary>Copies out a fixed-layout record; false when it does not fit writable user memory.</summary>
    public static bool WriteRecord<T>(Process process, ulong address, T record) where T : struct =>
        process.AddressSpace.CopyToUser(address, &record, (ulong)sizeof(T));

    /// <summary>Copies out <paramref name="length"/> bytes; false when any is not writable user memory.</summary>
    public static bool Write(Process process, ulong address, void* source, long length) =>
        process.AddressSpace.CopyToUser(address, source, (ulong)length);

    /// <summary>
    /// Copies out <paramref name="text"/> as UTF-8, as many whole characters as fit in
    /// <paramref name="capacity"/> bytes; the byte count, or -1 when that is not writable user memory.
    /// </summary>
    public static long WriteText(Process process, ulong address, string text, long capacity)
    {
        int limit = capacity < text.Length * (long)Utf8.MaxBytesPerScalar ? (int)capacity : text.Length * Utf8.MaxBytesPerScalar;
        byte[] bytes = new byte[limit];
        int length = Utf8.EncodeLenient(text, bytes);
        fixed (byte* source = bytes)
            return process.AddressSpace.CopyToUser(address, source, (ulong)length) ? length : -1;
    }

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 into a record's text field, as many whole
    /// characters as fit in <paramref name="capacity"/> bytes; returns the byte count.
    /// </summary>
    public static int EncodeInto(string text, byte* destination, int capacity) =>
        Utf8.EncodeLenient(text, new Span<byte>(destination, capacity));
}
