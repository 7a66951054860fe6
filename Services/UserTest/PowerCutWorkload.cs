using System;
using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// <c>powercut SEED [OPS] [DIR]</c> (issue 17, power cuts): from SEED, a random sequence of
/// whole writes, appends, in-place overwrites, renames and deletes of a few files in DIR
/// (default /disk), checked against an in-memory model of what each file holds, with a sync
/// now and then. Every operation is announced before it starts (<c>powercut: op N KIND NAME
/// [NEW]</c>) and every completed sync prints the synced state: <c>powercut: synced G|name*length*hash|...</c>
/// (FNV-1a 64 of the contents, in hex; '|' and '*' never occur in a FAT name). The host kills the
/// machine at a random moment and checks the disk against the last such line
/// (tools/PowerCut, <c>./build.sh powercut</c>).
/// </summary>
internal static class PowerCutWorkload
{
    private static readonly string[] s_names =
    {
        "a0.bin", "file one.dat", "B2.TXT", "a much longer file name 3.bin",
        "pc4", "x5.dat", "Seventh file.log", "z7.bin",
    };

    private const int MaxLength = 96 * 1024;

    public static int Run(string arguments)
    {
        string[] words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ulong seed = words.Length > 0 ? ParseSeed(words[0]) : 1;
        int operations = words.Length > 1 ? Scenarios.ParseOr(words[1], 1000) : 1000;
        string directory = words.Length > 2 ? words[2] : "/disk";
        if (directory.Length > 1 && directory.EndsWith("/"))
        {
            directory = directory.Substring(0, directory.Length - 1);
        }

        var random = new Xorshift(seed);
        var model = new byte[s_names.Length][];
        var lengths = new int[s_names.Length];
        var buffer = new byte[MaxLength];
        int generation = 0;

        Console.WriteLine("powercut: start seed " + seed.ToString() + ", " + operations.ToString() + " operations in " + directory);
        for (int op = 1; op <= operations; op++)
        {
            int kind = (int)(random.Next() % 16);
            int slot = (int)(random.Next() % (ulong)s_names.Length);
            string path = directory + "/" + s_names[slot];
            bool exists = model[slot] != null;
            string failure = null;
            if (kind < 3)
            {
                Announce(op, "sync", "");
                if (FileCalls.Sync() != 0)
                {
                    failure = "sync failed";
                }
                else
                {
                    generation++;
                    Console.WriteLine(State(generation, model, lengths));
                }
            }
            else if (kind < 6 || !exists)
            {
                // A whole new content (create or replace).
                int length = (int)(random.Next() % (MaxLength / 2));
                random.Fill(buffer, 0, length);
                Announce(op, "write", s_names[slot]);
                failure = Store(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate, -1, buffer, length);
                model[slot] = Copy(buffer, length, MaxLength);
                lengths[slot] = length;
            }
            else if (kind < 9)
            {
                int length = (int)Math.Min(random.Next() % 16384 + 1, (ulong)(MaxLength - lengths[slot]));
                random.Fill(buffer, 0, length);
                Announce(op, "append", s_names[slot]);
                failure = Store(path, FileOpenFlags.Write | FileOpenFlags.Append, -1, buffer, length);
                Array.Copy(buffer, 0, model[slot], lengths[slot], length);
                lengths[slot] += length;
            }
            else if (kind < 11)
            {
                int offset = (int)(random.Next() % (ulong)(lengths[slot] + 1));
                int length = (int)Math.Min(random.Next() % 8192 + 1, (ulong)(MaxLength - offset));
                random.Fill(buffer, 0, length);
                Announce(op, "patch", s_names[slot]);
                failure = Store(path, FileOpenFlags.Write, offset, buffer, length);
                Array.Copy(buffer, 0, model[slot], offset, length);
                lengths[slot] = Math.Max(lengths[slot], offset + length);
            }
            else if (kind < 13)
            {
                int target = (int)(random.Next() % (ulong)s_names.Length);
                if (model[target] != null)
                {
                    continue;
                }

                Announce(op, "rename", s_names[slot] + "|" + s_names[target]);
                if (FileCalls.Rename(path, directory + "/" + s_names[target]) != 0)
                {
                    failure = "rename failed";
                }

                model[target] = model[slot];
                lengths[target] = lengths[slot];
                model[slot] = null;
                lengths[slot] = 0;
            }
            else
            {
                Announce(op, "delete", s_names[slot]);
                if (FileCalls.Unlink(path) != 0)
                {
                    failure = "delete failed";
                }

                model[slot] = null;
                lengths[slot] = 0;
            }

            if (failure == null)
            {
                failure = Verify(directory, model, lengths, buffer);
            }

            if (failure != null)
            {
                Console.WriteLine("powercut: FAILED at op " + op.ToString() + ": " + failure);
                return 1;
            }
        }

        Console.WriteLine("powercut: done, " + generation.ToString() + " syncs");
        return 0;
    }

    private static void Announce(int op, string kind, string names) =>
        Console.WriteLine("powercut: op " + op.ToString() + " " + kind + (names.Length > 0 ? " " + names : ""));

    // Writes 'length' bytes of 'data' through a new handle (at 'offset' unless it is -1).
    private static string Store(string path, FileOpenFlags flags, int offset, byte[] data, int length)
    {
        long fd = FileCalls.Open(path, flags);
        if (fd < 0)
        {
            return "open " + path + " failed (" + fd.ToString() + ")";
        }

        string failure = null;
        if (offset >= 0 && FileCalls.Seek(fd, offset, FileSeekOrigin.Begin) != offset)
        {
            failure = "seek failed";
        }
        else if (length > 0 && FileCalls.Write(fd, data, 0, length) != length)
        {
            failure = "write to " + path + " failed";
        }

        FileCalls.Close(fd);
        return failure;
    }

    // Reads every file back and compares it with the model (a missing file must be missing).
    private static string Verify(string directory, byte[][] model, int[] lengths, byte[] buffer)
    {
        for (int i = 0; i < s_names.Length; i++)
        {
            string path = directory + "/" + s_names[i];
            long fd = FileCalls.Open(path, FileOpenFlags.Read);
            if (model[i] == null)
            {
                if (fd >= 0)
                {
                    FileCalls.Close(fd);
                    return path + " exists, the model has none";
                }

                continue;
            }

            if (fd < 0)
            {
                return path + " is missing";
            }

            long read = FileCalls.Read(fd, buffer, 0, buffer.Length);
            FileCalls.Close(fd);
            if (read != lengths[i])
            {
                return path + " holds " + read.ToString() + " bytes, the model " + lengths[i].ToString();
            }

            for (int b = 0; b < lengths[i]; b++)
            {
                if (buffer[b] != model[i][b])
                {
                    return path + " differs from the model at byte " + b.ToString();
                }
            }
        }

        return null;
    }

    private static string State(int generation, byte[][] model, int[] lengths)
    {
        var line = new StringBuilder("powercut: synced ");
        line.Append(generation.ToString());
        for (int i = 0; i < s_names.Length; i++)
        {
            if (model[i] != null)
            {
                line.Append('|').Append(s_names[i]).Append('*').Append(lengths[i].ToString()).Append('*').Append(Hex(Fnv1a(model[i], lengths[i])));
            }
        }

        return line.ToString();
    }

    private static byte[] Copy(byte[] source, int length, int capacity)
    {
        var copy = new byte[capacity];
        Array.Copy(source, copy, length);
        return copy;
    }

    private static ulong Fnv1a(byte[] data, int length)
    {
        ulong hash = 0xcbf29ce484222325UL;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ data[i]) * 0x100000001b3UL;
        }

        return hash;
    }

    private static string Hex(ulong value)
    {
        var digits = new char[16];
        for (int i = 15; i >= 0; i--)
        {
            digits[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }

        return new string(digits);
    }

    private static ulong ParseSeed(string text)
    {
        ulong value = 0;
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return 1;
            }

            value = value * 10 + (ulong)(c - '0');
        }

        return value;
    }

    /// <summary>xorshift64*: the same sequence from the same seed, on any machine.</summary>
    private sealed class Xorshift
    {
        private ulong _state;

        public Xorshift(ulong seed) => _state = seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL | 1;

        public ulong Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 0x2545F4914F6CDD1DUL >> 16;
        }

        public void Fill(byte[] buffer, int offset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                buffer[offset + i] = (byte)Next();
            }
        }
    }
}
