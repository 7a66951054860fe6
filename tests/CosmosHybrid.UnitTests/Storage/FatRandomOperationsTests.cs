using System;
using System.Collections.Generic;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Random sequences of operations (fixed seeds) applied both to the engine and to a
/// simple in-memory model; the image must stay fsck-clean and the reference tools must
/// read back exactly what the model holds.
/// </summary>
[TestFixture]
public class FatRandomOperationsTests : FatTestBase
{
    // FAT_RANDOM_OPERATIONS raises the count for a longer local run.
    private static readonly int Operations =
        int.TryParse(Environment.GetEnvironmentVariable("FAT_RANDOM_OPERATIONS"), out int operations) ? operations : 400;

    private static readonly string[] NameTemplates =
    {
        "FILE{0}.TXT", "lower{0}.txt", "Mixed Case {0}.Data", "a very long file name that needs several slots {0}.bin",
        "dots.in.name.{0}", "Ünïcödé {0}", "x{0}",
    };

    private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _directories = new List<string>();
    private Random _random;
    private FatVolume _volume;

    [TestCase(12, 4096, 1)]
    [TestCase(16, 16384, 2)]
    [TestCase(32, 65536, 3)]
    public void EngineMatchesModelAndStaysClean(int fatBits, int sizeKiB, int seed)
    {
        string image = CreateImage(fatBits, sizeKiB);
        _volume = Mount(image);
        _random = new Random(seed);
        _files.Clear();
        _directories.Clear();
        _directories.Add("");

        for (int i = 0; i < Operations; i++)
        {
            switch (_random.Next(10))
            {
                case 0:
                case 1:
                    CreateFile();
                    break;
                case 2:
                    AppendToFile();
                    break;
                case 3:
                    WriteInsideFile();
                    break;
                case 4:
                    TruncateFile();
                    break;
                case 5:
                    DeleteFile();
                    break;
                case 6:
                    MakeDirectory();
                    break;
                case 7:
                    RemoveDirectory();
                    break;
                default:
                    Rename();
                    break;
            }

            if (i % 100 == 99)
            {
                FatTools.AssertClean(image);
            }
        }

        FatTools.AssertClean(image);
        TestContext.Out.WriteLine($"{_files.Count} files, {_directories.Count} directories at the end");
        foreach (KeyValuePair<string, byte[]> file in _files)
        {
            Assert.That(FatTools.Get(image, file.Key), Is.EqualTo(file.Value), file.Key);
            Assert.That(ReadFile(_volume, file.Key), Is.EqualTo(file.Value), file.Key);
        }

        foreach (string directory in _directories)
        {
            var expected = new List<string>();
            foreach (string path in AllPaths())
            {
                if (ParentOf(path).Equals(directory, StringComparison.OrdinalIgnoreCase))
                {
                    expected.Add(path.Substring(path.LastIndexOf('/') + 1));
                }
            }

            Assert.That(ListNames(_volume, directory.Length == 0 ? "/" : directory), Is.EquivalentTo(expected), directory);
        }
    }

    private void CreateFile()
    {
        string path = NewPath();
        StorageError error = _volume.Open(path, FatOpenFlags.Create | FatOpenFlags.Exclusive, out FatFile file);
        if (Exists(path))
        {
            Assert.That(error, Is.EqualTo(StorageError.Exists), path);
            return;
        }

        Expect(error);
        byte[] data = Pattern(_random.Next(0, 5000), _random.Next());
        Expect(file.Write(data, out _));
        Expect(file.Close());
        _files[path] = data;
    }

    private void AppendToFile()
    {
        if (!PickFile(out string path))
        {
            return;
        }

        byte[] extra = Pattern(_random.Next(1, 3000), _random.Next());
        Expect(_volume.Open(RandomCase(path), FatOpenFlags.Append, out FatFile file));
        Expect(file.Write(extra, out _));
        Expect(file.Close());
        byte[] old = _files[path];
        byte[] combined = new byte[old.Length + extra.Length];
        old.CopyTo(combined, 0);
        extra.CopyTo(combined, old.Length);
        _files[path] = combined;
    }

    private void WriteInsideFile()
    {
        if (!PickFile(out string path))
        {
            return;
        }

        byte[] old = _files[path];
        int offset = _random.Next(0, old.Length + 2000);
        byte[] data = Pattern(_random.Next(1, 2000), _random.Next());
        Expect(_volume.Open(path, FatOpenFlags.None, out FatFile file));
        Expect(file.Seek((ulong)offset));
        Expect(file.Write(data, out _));
        Expect(file.Close());
        byte[] updated = new byte[Math.Max(old.Length, offset + data.Length)];
        old.CopyTo(updated, 0);
        data.CopyTo(updated, offset);
        _files[path] = updated;
    }

    private void TruncateFile()
    {
        if (!PickFile(out string path))
        {
            return;
        }

        byte[] old = _files[path];
        int length = _random.Next(0, old.Length + 3000);
        Expect(_volume.Open(path, FatOpenFlags.None, out FatFile file));
        Expect(file.SetLength((ulong)length));
        Expect(file.Close());
        byte[] updated = new byte[length];
        Array.Copy(old, updated, Math.Min(length, old.Length));
        _files[path] = updated;
    }

    private void DeleteFile()
    {
        if (!PickFile(out string path))
        {
            return;
        }

        Expect(_volume.Delete(RandomCase(path)));
        _files.Remove(path);
    }

    private void MakeDirectory()
    {
        string path = NewPath();
        StorageError error = _volume.CreateDirectory(path);
        if (Exists(path))
        {
            Assert.That(error, Is.EqualTo(StorageError.Exists), path);
            return;
        }

        Expect(error);
        _directories.Add(path);
    }

    private void RemoveDirectory()
    {
        if (_directories.Count < 2)
        {
            return;
        }

        string path = _directories[_random.Next(1, _directories.Count)];
        bool empty = true;
        foreach (string other in AllPaths())
        {
            if (ParentOf(other).Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                empty = false;
            }
        }

        StorageError error = _volume.RemoveDirectory(path);
        Assert.That(error, Is.EqualTo(empty ? StorageError.Ok : StorageError.NotEmpty), path);
        if (empty)
        {
            _directories.Remove(path);
        }
    }

    private void Rename()
    {
        List<string> all = AllPaths();
        if (all.Count == 0)
        {
            return;
        }

        string source = all[_random.Next(all.Count)];
        string target = NewPath();
        bool sourceIsDirectory = _directories.Contains(source);
        StorageError error = _volume.Rename(source, target);

        if (Exists(target) && !target.Equals(source, StringComparison.OrdinalIgnoreCase))
        {
            Assert.That(error, Is.EqualTo(StorageError.Exists), $"{source} -> {target}");
            return;
        }

        if (sourceIsDirectory && IsSameOrInside(ParentOf(target), source))
        {
            Assert.That(error, Is.EqualTo(StorageError.InvalidArgument), $"{source} -> {target}");
            return;
        }

        Expect(error);
        if (!sourceIsDirectory)
        {
            byte[] data = _files[source];
            _files.Remove(source);
            _files[target] = data;
            return;
        }

        // Move the directory and everything below it.
        for (int i = 0; i < _directories.Count; i++)
        {
            if (IsSameOrInside(_directories[i], source))
            {
                _directories[i] = target + _directories[i].Substring(source.Length);
            }
        }

        foreach (string file in new List<string>(_files.Keys))
        {
            if (IsSameOrInside(file, source))
            {
                byte[] data = _files[file];
                _files.Remove(file);
                _files[target + file.Substring(source.Length)] = data;
            }
        }
    }

    private string NewPath()
    {
        string directory = _directories[_random.Next(_directories.Count)];
        string name = string.Format(NameTemplates[_random.Next(NameTemplates.Length)], _random.Next(20));
        return directory + "/" + name;
    }

    private bool PickFile(out string path)
    {
        path = null;
        if (_files.Count == 0)
        {
            return false;
        }

        var keys = new List<string>(_files.Keys);
        path = keys[_random.Next(keys.Count)];
        return true;
    }

    private bool Exists(string path)
    {
        if (_files.ContainsKey(path))
        {
            return true;
        }

        foreach (string directory in _directories)
        {
            if (directory.Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> AllPaths()
    {
        var all = new List<string>(_files.Keys);
        for (int i = 1; i < _directories.Count; i++)
        {
            all.Add(_directories[i]);
        }

        return all;
    }

    private string RandomCase(string path)
    {
        char[] chars = path.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] < 128 && _random.Next(2) == 0)
            {
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static string ParentOf(string path) => path.Substring(0, path.LastIndexOf('/'));

    private static bool IsSameOrInside(string path, string directory) =>
        path.Equals(directory, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(directory + "/", StringComparison.OrdinalIgnoreCase);
}
