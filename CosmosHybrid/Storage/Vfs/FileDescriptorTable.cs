namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A process's open files by number: the lowest free descriptor is handed out first, and
/// descriptors are small integers from 0 to <see cref="Capacity"/> - 1.
/// </summary>
public sealed class FileDescriptorTable
{
    /// <summary>Open files a process may hold at once.</summary>
    public const int Capacity = 32;

    private readonly OpenFile[] _files = new OpenFile[Capacity];

    /// <summary>Descriptors in use.</summary>
    public int Count { get; private set; }

    /// <summary>Stores <paramref name="file"/> under the lowest free descriptor and returns it; -1 when the table is full.</summary>
    public int Add(OpenFile file)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (_files[i] == null)
            {
                _files[i] = file;
                Count++;
                return i;
            }
        }

        return -1;
    }

    /// <summary>The file under <paramref name="descriptor"/>, or null when it is not open.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public OpenFile Get(long descriptor) =>
        descriptor >= 0 && descriptor < Capacity ? _files[descriptor] : null;

    /// <summary>Frees <paramref name="descriptor"/> and returns its file (not closed), or null when it was not open.</summary>
    public OpenFile Remove(long descriptor)
    {
        OpenFile file = Get(descriptor);
        if (file != null)
        {
            _files[descriptor] = null;
            Count--;
        }

        return file;
    }

    /// <summary>Closes every open file (a process ended); returns how many there were.</summary>
    public int CloseAll()
    {
        int closed = 0;
        for (int i = 0; i < Capacity; i++)
        {
            OpenFile file = Remove(i);
            if (file != null)
            {
                file.Close();
                closed++;
            }
        }

        return closed;
    }
}
