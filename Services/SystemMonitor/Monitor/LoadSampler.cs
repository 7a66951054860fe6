using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.SystemMonitor.Monitor;

/// <summary>
/// Turns two process lists (ListProcesses) taken some milliseconds apart into each running process's CPU share
/// and the total: CPU milliseconds gained over wall milliseconds passed. A process new since the last list counts
/// from zero; exited ones are left out. The buffers are kept, so a sample allocates only the names it has not seen.
/// </summary>
public sealed class LoadSampler
{
    private long[] _previousIds = new long[0];
    private long[] _previousCpu = new long[0];
    private int _previousCount;
    private long _previousUptime = -1;

    /// <summary>The loads of the running processes in <paramref name="records"/> (the first <paramref name="count"/>), highest CPU share first.</summary>
    /// <returns>How many loads were written; <paramref name="totalPermille"/> is the share of all of them, at most 1000 per CPU.</returns>
    public unsafe int Sample(ProcessInfo[] records, int count, long uptimeMilliseconds, long pageSize, ProcessLoad[] loads, out int totalPermille)
    {
        long elapsed = _previousUptime < 0 ? 0 : uptimeMilliseconds - _previousUptime;
        int written = 0;
        long totalCpu = 0;
        for (int i = 0; i < count && i < records.Length; i++)
        {
            if (records[i].State != (long)ProcessState.Running)
                continue;
            long gained = records[i].CpuMilliseconds - PreviousCpu(records[i].ProcessId);
            if (gained < 0)
                gained = 0;
            totalCpu += gained;
            if (written < loads.Length)
            {
                loads[written].ProcessId = records[i].ProcessId;
                loads[written].Name = NameOf(ref records[i]);
                loads[written].CpuPermille = Permille(gained, elapsed);
                loads[written].MemoryKiB = records[i].MemoryPages * pageSize / 1024;
                written++;
            }
        }
        totalPermille = Permille(totalCpu, elapsed);
        Remember(records, count, uptimeMilliseconds);
        SortByCpu(loads, written);
        return written;
    }

    private static int Permille(long part, long whole)
    {
        if (whole <= 0)
            return 0;
        long value = part * 1000 / whole;
        return value > 1000 ? 1000 : (int)value;
    }

    private long PreviousCpu(long processId)
    {
        for (int i = 0; i < _previousCount; i++)
        {
            if (_previousIds[i] == processId)
                return _previousCpu[i];
        }
        return 0;
    }

    private void Remember(ProcessInfo[] records, int count, long uptime)
    {
        if (_previousIds.Length < records.Length)
        {
            _previousIds = new long[records.Length];
            _previousCpu = new long[records.Length];
        }
        _previousCount = count < records.Length ? count : records.Length;
        for (int i = 0; i < _previousCount; i++)
        {
            _previousIds[i] = records[i].ProcessId;
            _previousCpu[i] = records[i].CpuMilliseconds;
        }
        _previousUptime = uptime;
    }

    /// <summary>Highest share first, then lower pid first (insertion sort: a few dozen processes).</summary>
    private static void SortByCpu(ProcessLoad[] loads, int count)
    {
        for (int i = 1; i < count; i++)
        {
            ProcessLoad item = loads[i];
            int j = i - 1;
            while (j >= 0 && (loads[j].CpuPermille < item.CpuPermille
                || (loads[j].CpuPermille == item.CpuPermille && loads[j].ProcessId > item.ProcessId)))
            {
                loads[j + 1] = loads[j];
                j--;
            }
            loads[j + 1] = item;
        }
    }

    private static unsafe string NameOf(ref ProcessInfo record)
    {
        fixed (byte* name = record.Name)
        {
            int length = 0;
            while (length < ProcessInfo.NameCapacity && name[length] != 0)
                length++;
            var chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = name[i] < 0x80 ? (char)name[i] : '?';
            return new string(chars);
        }
    }
}
