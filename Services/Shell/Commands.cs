using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// The shell's commands. Each gets its words from the word splitter (the command name
/// first), prints its result and returns its exit status.
/// </summary>
internal static unsafe class Commands
{
    // The names Execute and FileCommands handle themselves; any other name is a program to start.
    private static readonly string[] s_builtins =
    {
        "help", "ps", "spawn", "run", "wait", "kill", "mem", "lspci", "uptime", "bench", "echo", "true", "false", "poweroff", "exit", "keymap", "prof",
        "ls", "cat", "write", "append", "mkdir", "rm", "mv", "df", "mounts", "sync", "cd", "pwd",
    };

    /// <summary>True when the shell runs <paramref name="name"/> itself rather than starting a program.</summary>
    public static bool IsBuiltin(string name)
    {
        foreach (string builtin in s_builtins)
        {
            if (builtin == name)
                return true;
        }
        return false;
    }

    public static int Execute(List<string> arguments)
    {
        string command = arguments[0];
        switch (command)
        {
            case "help":
                Console.WriteLine("help                 this list");
                Console.WriteLine("ps                   processes: pid, name, state, priority, threads, handles, memory, CPU time");
                Console.WriteLine("NAME [ARGS]          run a program (a boot module, or a file when NAME has a '/') and wait for it");
                Console.WriteLine("spawn NAME [ARGS]    start a program in the background; prints its pid");
                Console.WriteLine("run NAME [ARGS]      start a program, wait for it to end and print its status");
                Console.WriteLine("wait PID             wait for a process to end; prints its status");
                Console.WriteLine("kill PID             end a process");
                Console.WriteLine("mem                  physical memory");
                Console.WriteLine("lspci                PCI devices");
                Console.WriteLine("devices              devices: owner, regions (BARs), IRQs, what is mapped (UC/WC)");
                Console.WriteLine("uptime               time since boot");
                Console.WriteLine("keymap [us|uk|de|fr] the keyboard layout the input driver types with (none: show it)");
                Console.WriteLine("bench                measure system call, context switch, page fault, IPC and file costs");
                Console.WriteLine("prof [PID|all] SECS [--callers]  sample where the CPU runs (timer ticks), print the top functions");
                FileCommands.PrintHelp();
                Console.WriteLine("echo [WORDS]         print the words; true, false: status 0 or 1");
                Console.WriteLine("words                'quoted words', \\ escapes, globs * ? [a-z], A ; B, A && B, A || B, $? (last status)");
                Console.WriteLine("redirection          CMD > FILE, CMD >> FILE (append), CMD < FILE; pipes A | B | C");
                Console.WriteLine("poweroff             turn the machine off");
                Console.WriteLine("exit [STATUS]        end the shell (the kernel starts a new one)");
                return CommandStatus.Success;
            case "ps":
                ListProcesses();
                return CommandStatus.Success;
            case "spawn":
                return Spawn(command, arguments, wait: false);
            case "run":
                return Spawn(command, arguments, wait: true);
            case "wait":
                if (!TryParsePid(arguments, out long waitPid))
                    return CommandStatus.Usage;
                return ReportExit(waitPid);
            case "kill":
                if (!TryParsePid(arguments, out long killPid))
                    return CommandStatus.Usage;
                long result = ProcessCalls.Kill(killPid, ShellAuthority.Handle);
                Console.WriteLine(result < 0 ? "kill: " + ProcessCalls.ErrorText(result) : "killed " + killPid.ToString());
                return result < 0 ? CommandStatus.Failure : CommandStatus.Success;
            case "mem":
                return ShowMemory();
            case "lspci":
                return ListPciDevices();
            case "devices":
                return DeviceCommands.List();
            case "prof":
                return ProfileCommand.Run(arguments);
            case "keymap":
                return KeymapCommand.Run(arguments);
            case "uptime":
                Console.WriteLine("up " + FormatMilliseconds(ProcessCalls.UptimeMilliseconds));
                return CommandStatus.Success;
            case "bench":
                return Spawn("bench", new List<string> { "run", "bench" }, wait: true);
            case "echo":
                Console.WriteLine(Join(arguments, 1));
                return CommandStatus.Success;
            case "true":
                return CommandStatus.Success;
            case "false":
                return CommandStatus.Failure;
            case "exit":
                // Reached only as a stage of a pipeline, which runs apart from the shell (as in POSIX): its status.
                return arguments.Count > 1 && int.TryParse(arguments[1], out int code) ? code : CommandStatus.Success;
            case "poweroff":
                long refused = ProcessCalls.PowerOff(ShellAuthority.Handle);
                Console.WriteLine("poweroff: " + ProcessCalls.ErrorText(refused));
                return CommandStatus.Failure;
            default:
                if (FileCommands.TryExecute(arguments, out int status))
                    return status;
                long started = StartProgram(arguments, StandardStreams.Input, StandardStreams.Output, StandardStreams.Error);
                return started < 0 ? StartFailureStatus(started) : WaitForStatus(started);
        }
    }

    /// <summary>
    /// Starts the program <paramref name="arguments"/>[0] with its arguments and the given standard
    /// input, output and error; returns its pid, or the error (already printed) as a negative value.
    /// </summary>
    public static long StartProgram(List<string> arguments, long input, long output, long error)
    {
        if (!CheckProgramArguments(arguments[0], arguments, 1))
            return SyscallResult.Error(SyscallError.InvalidArgument);
        long pid = ProcessCalls.Spawn(Join(arguments, 0), StandardIo(input, output, error));
        if (pid == SyscallResult.Error(SyscallError.NotFound))
            Console.WriteLine(arguments[0] + ": unknown command (try 'help')");
        else if (pid < 0)
            Console.WriteLine(arguments[0] + ": " + ProcessCalls.ErrorText(pid));
        return pid;
    }

    /// <summary>The status of a command whose program did not start (<see cref="StartProgram"/>'s negative result).</summary>
    public static int StartFailureStatus(long result) =>
        result == SyscallResult.Error(SyscallError.NotFound) ? CommandStatus.NotFound
        : result == SyscallResult.Error(SyscallError.InvalidArgument) ? CommandStatus.Usage : CommandStatus.Failure;

    /// <summary>Waits for a process and returns its exit status as a command's (a killed process gives 128 + 9, as in POSIX shells).</summary>
    public static int WaitForStatus(long pid)
    {
        long result = ProcessCalls.Wait(pid, out long status);
        if (result < 0)
            return CommandStatus.Failure;
        return StatusOf(status);
    }

    /// <summary>A child's handles 1-3: the given standard input, output and error, with their rights.</summary>
    public static SpawnHandle[] StandardIo(long input, long output, long error)
    {
        const HandleRights Any = (HandleRights)(-1L);
        return new[]
        {
            new SpawnHandle { Handle = input, Rights = Any },
            new SpawnHandle { Handle = output, Rights = Any },
            new SpawnHandle { Handle = error, Rights = Any },
        };
    }

    private static int StatusOf(long status) =>
        status >= 0 && status <= 255 ? (int)status : status < 0 && status >= -64 ? 128 - (int)status : CommandStatus.Failure;

    // The kernel takes a program and its arguments as one line split at spaces, so an
    // argument cannot hold a space yet.
    private static bool CheckProgramArguments(string command, List<string> arguments, int first)
    {
        for (int i = first; i < arguments.Count; i++)
        {
            if (arguments[i].Length == 0 || arguments[i].IndexOf(' ') >= 0)
            {
                Console.WriteLine(command + ": '" + arguments[i] + "': a program's arguments cannot be empty or hold spaces");
                return false;
            }
        }
        return true;
    }

    /// <summary>The words from <paramref name="first"/> on, separated by single spaces.</summary>
    public static string Join(List<string> arguments, int first)
    {
        string text = "";
        for (int i = first; i < arguments.Count; i++)
            text = i == first ? arguments[i] : text + " " + arguments[i];
        return text;
    }

    // The child gets the shell's standard streams as they are now (redirected, for `run x > f`).
    private static int Spawn(string command, List<string> arguments, bool wait)
    {
        if (arguments.Count < 2)
        {
            Console.WriteLine("usage: " + command + " NAME [ARGS]");
            return CommandStatus.Usage;
        }
        if (!CheckProgramArguments(command, arguments, 1))
            return CommandStatus.Usage;
        string commandLine = Join(arguments, 1);
        long pid = ProcessCalls.Spawn(commandLine, StandardIo(StandardStreams.Input, StandardStreams.Output, StandardStreams.Error));
        if (pid < 0)
        {
            Console.WriteLine("spawn: " + commandLine + ": " + ProcessCalls.ErrorText(pid));
            return pid == SyscallResult.Error(SyscallError.NotFound) ? CommandStatus.NotFound : CommandStatus.Failure;
        }
        if (!wait)
        {
            Console.WriteLine("started process " + pid.ToString());
            return CommandStatus.Success;
        }
        return ReportExit(pid);
    }

    // Waits for the process; its exit status becomes the command's (a killed process gives 128 + 9, as in POSIX shells).
    private static int ReportExit(long pid)
    {
        long result = ProcessCalls.Wait(pid, out long status);
        if (result < 0)
        {
            Console.WriteLine("wait: " + ProcessCalls.ErrorText(result));
            return CommandStatus.Failure;
        }
        Console.WriteLine("process " + pid.ToString() + " exited with status " + status.ToString());
        return StatusOf(status);
    }

    private static void ListProcesses()
    {
        ProcessInfo[] records = new ProcessInfo[64];
        long count = ProcessCalls.List(records);
        Console.WriteLine("  PID NAME                 STATE    PRI  THR  HND   MEM(KiB)   CPU(ms)  PPID");
        for (int i = 0; i < count && i < records.Length; i++)
        {
            ProcessInfo info = records[i];
            Console.WriteLine(Pad(info.ProcessId.ToString(), 5) + " " + PadRight(NameOf(info), 20) + " "
                + PadRight(StateName(info), 8) + " " + Pad(info.Priority.ToString(), 3) + " " + Pad(info.ThreadCount.ToString(), 4) + " "
                + Pad(info.HandleCount.ToString(), 4) + " "
                + Pad((info.MemoryPages * 4).ToString(), 10) + " " + Pad(info.CpuMilliseconds.ToString(), 9) + " " + Pad(info.ParentId.ToString(), 5));
        }
    }

    private static int ListPciDevices()
    {
        const int Capacity = 8192;
        byte[] text = new byte[Capacity];
        long length;
        fixed (byte* buffer = text)
            length = SystemCall.Call(SyscallNumber.ListPciDevices, (long)buffer, Capacity);
        if (length < 0)
        {
            Console.WriteLine("lspci: " + ProcessCalls.ErrorText(length));
            return CommandStatus.Failure;
        }
        Console.Write(Utf8.GetStringLenient(new ReadOnlySpan<byte>(text, 0, (int)length)));
        return CommandStatus.Success;
    }

    private static int ShowMemory()
    {
        if (ProcessCalls.GetMemoryInfo(out MemoryInfo info) < 0)
            return CommandStatus.Failure;
        long pageKiB = info.PageSize / 1024;
        Console.WriteLine("physical: " + (info.TotalPages * pageKiB / 1024).ToString() + " MiB managed, "
            + (info.FreePages * pageKiB / 1024).ToString() + " MiB free, "
            + ((info.TotalPages - info.FreePages) * pageKiB).ToString() + " KiB used");
        Console.WriteLine("kernel heap: " + (info.KernelHeapBytes / 1024).ToString() + " KiB");
        return CommandStatus.Success;
    }

    private static string StateName(ProcessInfo info) => (ProcessState)info.State switch
    {
        ProcessState.Running => "running",
        ProcessState.Exited => "exited",
        ProcessState.Killed => "killed",
        _ => "?",
    };

    private static string NameOf(ProcessInfo info) => FileCalls.Decode(info.Name, ProcessInfo.NameCapacity);

    private static bool TryParsePid(List<string> arguments, out long pid)
    {
        pid = 0;
        string text = arguments.Count > 1 ? arguments[1] : "";
        if (arguments.Count > 2 || text.Length == 0 || text.Length > 9)
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
