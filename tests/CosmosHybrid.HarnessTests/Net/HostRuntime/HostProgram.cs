using System;
using System.IO;
using CosmosHybrid.Ring3Host;

namespace CosmosHybrid.HarnessTests.Net.HostRuntime;

/// <summary>
/// What a ring-3 program's runtime calls reach when the program runs on a Ring3Host thread: its
/// process (message ports and memory), a host folder standing for the file system's root, and its
/// standard input and output. One per .NET thread (set by <see cref="Run"/>), so several programs
/// run side by side, each with its own.
/// </summary>
internal sealed class HostProgram
{
    [ThreadStatic] private static HostProgram t_current;

    public HostProgram(HostProcess process, string root, Stream input = null, Stream output = null)
    {
        Process = process;
        Root = root;
        Input = input ?? Stream.Null;
        Output = output ?? Stream.Null;
    }

    public HostProcess Process { get; }

    /// <summary>The host folder that the program's "/" is.</summary>
    public string Root { get; }

    public Stream Input { get; }

    public Stream Output { get; }

    /// <summary>The program whose thread this is.</summary>
    public static HostProgram Current => t_current ?? throw new InvalidOperationException("not on a HostProgram's thread");

    /// <summary>Runs <paramref name="main"/> (a program's entry, unchanged) on this thread as this program.</summary>
    public long Run(Func<long> main)
    {
        t_current = this;
        try
        {
            return main();
        }
        finally
        {
            t_current = null;
        }
    }

    /// <summary>The host path of a program's absolute path; null when it would leave <see cref="Root"/>.</summary>
    public string HostPath(string path)
    {
        string full = Path.GetFullPath(Path.Combine(Root, (path ?? "").TrimStart('/')));
        string root = Path.GetFullPath(Root);
        return full == root || full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal) ? full : null;
    }
}
