using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Fs.Block;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs;

/// <summary>
/// What the boot tests ask of the ring-3 engine in one run: list the root, print a file the
/// host put there, write a file, append to it, make a directory, move the file into it, write
/// and remove a scratch file. Each step prints one line; the host then judges the image with
/// mtype and fsck.fat.
/// </summary>
internal static class Exercise
{
    public static int Run(RingThreeMount mount, string file)
    {
        VirtualFileSystem files = mount.Files;
        int failures = 0;

        var entries = new List<FileEntry>();
        StorageError error = files.ReadDirectory("/", "/", entries);
        var listing = new System.Text.StringBuilder();
        for (int i = 0; i < entries.Count; i++)
            listing.Append(i == 0 ? "" : " ").Append(entries[i].Name);
        failures += Step("ls /: " + listing.ToString(), error);

        error = files.ReadAll("/", file, 64 * 1024, out byte[] content);
        failures += Step("cat " + file + ": " + (content == null ? "" : Text(content)), error);

        failures += Step("write /ring3.txt", WriteText(files, "/ring3.txt", "written by the ring-3 FAT engine\n", VfsOpenFlags.Create | VfsOpenFlags.Truncate));
        failures += Step("append /ring3.txt", WriteText(files, "/ring3.txt", "appended over the block handle\n", VfsOpenFlags.Append));
        failures += Step("mkdir /placed", files.CreateDirectory("/", "/placed"));
        failures += Step("mv /ring3.txt /placed/ring3.txt", files.Rename("/", "/ring3.txt", "/placed/ring3.txt"));
        failures += Step("write /scratch.tmp", WriteText(files, "/scratch.tmp", "gone soon\n", VfsOpenFlags.Create));
        failures += Step("rm /scratch.tmp", files.Remove("/", "/scratch.tmp"));
        error = files.Stat("/", "/placed/ring3.txt", out FileEntry entry);
        failures += Step("stat /placed/ring3.txt: " + entry.Size.ToString() + " bytes", error);

        System.Console.WriteLine("fs: exercise " + (failures == 0 ? "passed" : "failed " + failures.ToString() + " steps"));
        return failures == 0 ? 0 : 1;
    }

    private static int Step(string what, StorageError error)
    {
        System.Console.WriteLine("fs: " + what + (error == StorageError.Ok ? "" : " -> " + StorageErrorText.Describe(error)));
        return error == StorageError.Ok ? 0 : 1;
    }

    private static StorageError WriteText(VirtualFileSystem files, string path, string text, VfsOpenFlags flags)
    {
        StorageError error = files.Open("/", path, VfsOpenFlags.Write | flags, out OpenFile file);
        if (error != StorageError.Ok)
            return error;
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        error = file.Write(bytes, out int written);
        StorageError closed = file.Close();
        if (error == StorageError.Ok && written != bytes.Length)
            error = StorageError.IoError;
        return error != StorageError.Ok ? error : closed;
    }

    private static string Text(byte[] bytes)
    {
        char[] chars = new char[bytes.Length];
        int count = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\r' && bytes[i] != (byte)'\n')
                chars[count++] = (char)bytes[i];
        }
        return new string(chars, 0, count);
    }
}
