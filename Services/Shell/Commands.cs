using System;
using CosmosHybrid.Abi;
using CosmosHybrid.UserRuntime;

namespace CosmosHybrid.Shell;

/// <summary>The shell's commands. Each reads its argument text and prints its result.</summary>
internal static unsafe class Commands
{
    public static void Execute(string command, string argument)
    {
        switch (command)
        {
            case "help":
                Console.WriteLine("help                 this list");
                Console.WriteLine("ps                   processes: pid, name, state, priority, threads, handles, memory, CPU time");
                Console.WriteLine("spawn NAME [ARGS]    start a program in the background; prints its pid (NAME with a '/' is a file)");
                Console.WriteLine("run NAME [ARGS]      start a program and wait for it to end");
                Console.WriteLine("wait PID             wait for a process to end; prints its status");
                Console.WriteLine("kill PID             end a process");
                Console.WriteLine("mem                  physical memory");
                Console.WriteLine("lspci                PCI devices");
                Console.WriteLine("uptime               time since boot");
                Console.WriteLine("bench                measure system call, context switch, page fault, IPC and file costs");
                FileCommands.PrintHelp();
                Console.WriteLine("poweroff             turn the machine off");
                Console.WriteLine("exit                 end the shell (the kernel starts a new one)");
                return;
            case "ps":
                ListProcesses();
                return;
            case "spawn":
                Spawn(argument, wait: false);
                return;
            case "run":
                Spawn(argument, wait: true);
                return;
            case "wait":
                if (TryParsePid(argument, out long waitPid))
                    ReportExit(waitPid);
                return;
            case "kill":
                if (TryParsePid(argument, out long killPid))
                {
                    long result = ProcessCalls.Kill(killPid);
                    Console.WriteLine(result < 0 ? "kill: " + ProcessCalls.ErrorText(result) : "killed " + killPid.ToString());
                }
                return;
            case "mem":
                ShowMemory();
                return;
            case "lspci":
                ListPciDevices();
                return;
            case "uptime":
                Console.WriteLine("up " + FormatMilliseconds(ProcessCalls.UptimeMilliseconds));
                return;
            case "bench":
                Spawn("bench", wait: true);
                return;
            case "poweroff":
                Console.WriteLine("powering off");
                ProcessCalls.PowerOff();
                return;
            default:
                if (!FileCommands.TryExecute(command, argument))
                    Console.WriteLine(command + ": unknown command (try 'help')");
                return;
        }
    }

    private static void Spawn(string commandLine, bool wait)
    {
        if (commandLine.Length == 0)
        {
            Console.WriteLine("usage: spawn NAME [ARGS]");
            return;
        }
        long pid = ProcessCalls.Spawn(commandLine);
        if (pid < 0)
        {
            Console.WriteLine("spawn: " + commandLine + ": " + ProcessCalls.ErrorText(pid));
            return;
        }
        if (!wait)
        {
            Console.WriteLine("started process " + pid.ToString());
            return;
        }
        ReportExit(pid);
    }

    private static void ReportExit(long pid)
    {
        long result = ProcessCalls.Wait(pid, out long status);
        if (result < 0)
            Console.WriteLine("wait: " + ProcessCalls.ErrorText(result));
        else
            Console.WriteLine("process " + pid.ToString() + " exited with status " + status.ToString());
    }

    private static void ListProcesses()
    {
        ProcessInfo[] records = new ProcessInfo[64];
        long count = ProcessCalls.List(records);
        Console.WriteLine("  PID NAME                 STATE    PRI  THR  HND   MEM(KiB)   CPU(ms)");
        for (int i = 0; i < count && i < records.Length; i++)
        {
            ProcessInfo info = records[i];
            Console.WriteLine(Pad(info.ProcessId.ToString(), 5) + " " + PadRight(NameOf(info), 20) + " "
                + PadRight(StateName(info), 8) + " " + Pad(info.Priority.ToString(), 3) + " " + Pad(info.ThreadCount.ToString(), 4) + " "
                + Pad(info.HandleCount.ToString(), 4) + " "
                + Pad((info.MemoryPages * 4).ToString(), 10) + " " + Pad(info.CpuMilliseconds.ToString(), 9));
        }
    }

    private static void ListPciDevices()
    {
        const int Capacity = 8192;
        byte[] text = new byte[Capacity];
        long length;
        fixed (byte* buffer = text)
            length = SystemCall.Call(SyscallNumber.ListPciDevices, (long)buffer, Capacity);
        if (length < 0)
        {
            Console.WriteLine("lspci: " + ProcessCalls.ErrorText(length));
            return;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)text[i];
        Console.Write(new string(chars));
    }

    private static void ShowMemory()
    {
        if (ProcessCalls.GetMemoryInfo(out MemoryInfo info) < 0)
            return;
        long pageKiB = info.PageSize / 1024;
        Console.WriteLine("physical: " + (info.TotalPages * pageKiB / 1024).ToString() + " MiB managed, "
            + (info.FreePages * pageKiB / 1024).ToString() + " MiB free, "
            + ((info.TotalPages - info.FreePages) * pageKiB).ToString() + " KiB used");
        Console.WriteLine("kernel heap: " + (info.KernelHeapBytes / 1024).ToString() + " KiB");
    }

    private static string StateName(ProcessInfo info) => (ProcessState)info.State switch
    {
        ProcessState.Running => "running",
        ProcessState.Exited => "exited",
        ProcessState.Killed => "killed",
        _ => "?",
    };

    private static string NameOf(ProcessInfo info)
    {
        char[] chars = new char[ProcessInfo.NameCapacity];
        int length = 0;
        while (length < ProcessInfo.NameCapacity && info.Name[length] != 0)
        {
            chars[length] = (char)info.Name[length];
            length++;
        }
        return new string(chars, 0, length);
    }

    private static bool TryParsePid(string text, out long pid)
    {
        pid = 0;
        if (text.Length == 0 || text.Length > 9)
        {
            Console.WriteLine("expected a process id");
            return false;
        }
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                Console.WriteLine("not a process id: " + text);
                return false;
            }
            pid = pid * 10 + (text[i] - '0');
        }
        return true;
    }

    private static string FormatMilliseconds(long milliseconds)
    {
        long seconds = milliseconds / 1000;
        return (seconds / 60).ToString() + "m " + Pad((seconds % 60).ToString(), 2, '0') + "." + Pad((milliseconds % 1000).ToString(), 3, '0') + "s";
    }

    private static string Pad(string text, int width, char fill = ' ') =>
        text.Length >= width ? text : new string(fill, width - text.Length) + text;

    private static string PadRight(string text, int width) =>
        text.Length >= width ? text : text + new string(' ', width - text.Length);
}
