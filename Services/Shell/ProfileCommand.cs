using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// `prof [PID|all] SECONDS [--callers]`: runs the kernel's sampling profiler for that long on one
/// process (all: every process and the kernel, the default) and prints the most sampled functions
/// by C# name; with --callers, by function and the caller the frame-pointer chain names.
/// </summary>
internal static class ProfileCommand
{
    private const int MaxSeconds = 60;

    public static int Run(List<string> arguments)
    {
        long target = 0;
        int seconds = -1;
        ProfileReportFlags flags = ProfileReportFlags.None;
        for (int i = 1; i < arguments.Count; i++)
        {
            string word = arguments[i];
            if (word == "--callers")
                flags |= ProfileReportFlags.Callers;
            else if (word == "all" && i == 1)
                target = 0;
            else if (i == 1 && i + 1 < arguments.Count && long.TryParse(word, out long pid) && pid > 0)
                target = pid;
            else if (seconds < 0 && int.TryParse(word, out int value) && value > 0 && value <= MaxSeconds)
                seconds = value;
            else
                return Usage();
        }
        if (seconds < 0)
            return Usage();

        long started = ProcessCalls.StartProfile(target);
        if (started < 0)
        {
            Console.WriteLine("prof: " + ProcessCalls.ErrorText(started));
            return CommandStatus.Failure;
        }
        ProcessCalls.Sleep(seconds * 1000L);
        string report = ProcessCalls.StopProfile(flags, out long error);
        if (report == null)
        {
            Console.WriteLine("prof: " + ProcessCalls.ErrorText(error));
            return CommandStatus.Failure;
        }
        Console.Write(report);
        return CommandStatus.Success;
    }

    private static int Usage()
    {
        Console.WriteLine("usage: prof [PID|all] SECONDS [--callers]   (SECONDS: 1 to " + MaxSeconds.ToString() + ")");
        return CommandStatus.Usage;
    }
}
