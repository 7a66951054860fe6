using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.Shell.Words;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// Runs a pipeline (<c>a | b | c</c>) or a command with redirections. Each stage gets its
/// standard input and output: the pipeline's own, a kernel pipe to its neighbour, or a file
/// opened as a stream for <c>&lt;</c>, <c>&gt;</c>, <c>&gt;&gt;</c>. Programs get them as handles 1-3
/// through SpawnEx. A builtin in the last stage runs in the shell itself with its standard
/// streams swapped; a builtin in an earlier stage runs in a child shell (<c>shell -c</c>), as a
/// POSIX shell forks one, so every stage runs at once and a builtin that fills a pipe never
/// waits on a reader that has not started.
/// </summary>
internal static class PipelineRunner
{
    /// <summary>The longest argument string the kernel passes to a program (its Main's text).</summary>
    private const int MaxChildLineBytes = 200;

    private sealed class Stage
    {
        public readonly List<string> Arguments = new List<string>();
        public readonly List<long> OpenedFiles = new List<long>();
        public long Input;
        public long Output;
        public long Pid = -1;
        public int Status;
        public bool Failed;
        public bool InShell;
    }

    /// <summary>Runs <paramref name="commands"/>[first .. first + count - 1]; returns the last stage's status.</summary>
    public static int Run(List<ShellCommand> commands, int first, int count, int lastStatus, ShellFileSystem fileSystem)
    {
        var stages = new Stage[count];
        for (int i = 0; i < count; i++)
        {
            stages[i] = new Stage();
            if (!CommandShell.Expand(commands[first + i], lastStatus, fileSystem, stages[i].Arguments) && commands[first + i].Words.Count > 0)
                return CommandStatus.Failure;
        }

        // Pipe k joins stage k (writing) to stage k + 1 (reading).
        var readEnds = new long[count - 1];
        var writeEnds = new long[count - 1];
        for (int k = 0; k < count - 1; k++)
        {
            long result = StreamCalls.CreatePipe(out readEnds[k], out writeEnds[k]);
            if (result < 0)
            {
                Console.WriteLine("shell: cannot make a pipe: " + ProcessCalls.ErrorText(result));
                CloseAll(readEnds, k);
                CloseAll(writeEnds, k);
                return CommandStatus.Failure;
            }
        }

        for (int i = 0; i < count; i++)
        {
            Stage stage = stages[i];
            stage.Input = i == 0 ? StandardStreams.Input : readEnds[i - 1];
            stage.Output = i == count - 1 ? StandardStreams.Output : writeEnds[i];
            stage.Failed = !OpenRedirections(commands[first + i], lastStatus, stage);
            stage.InShell = i == count - 1 && stage.Arguments.Count > 0 && Commands.IsBuiltin(stage.Arguments[0]);
        }

        // Every stage but a builtin at the end starts now, so all of them run at once.
        for (int i = 0; i < count; i++)
        {
            Stage stage = stages[i];
            if (stage.Failed || stage.InShell || stage.Arguments.Count == 0)
                continue;
            stage.Pid = Commands.IsBuiltin(stage.Arguments[0])
                ? StartChildShell(stage)
                : Commands.StartProgram(stage.Arguments, stage.Input, stage.Output, StandardStreams.Error);
            if (stage.Pid < 0)
            {
                stage.Status = Commands.StartFailureStatus(stage.Pid);
                stage.Failed = true;
            }
        }

        // The children hold their own copies now. The shell lets go of its own, or a reader
        // would never see the end of its pipe (the shell would still hold a write end).
        Stage last = stages[count - 1];
        for (int k = 0; k < count - 1; k++)
        {
            StreamCalls.Close(writeEnds[k]);
            if (!(last.InShell && k == count - 2 && !last.Failed))
                StreamCalls.Close(readEnds[k]);
        }
        for (int i = 0; i < count - 1; i++)
            CloseAll(stages[i].OpenedFiles);
        if (!last.InShell || last.Failed)
            CloseAll(last.OpenedFiles);

        if (last.InShell && !last.Failed)
        {
            last.Status = RunInShell(last);
            if (count > 1)
                StreamCalls.Close(readEnds[count - 2]);
            CloseAll(last.OpenedFiles);
        }

        foreach (Stage stage in stages)
        {
            if (stage.Pid > 0)
                stage.Status = Commands.WaitForStatus(stage.Pid);
        }
        if (last.Failed && last.Status == 0)
            last.Status = CommandStatus.Failure;
        return last.Status;
    }

    // Opens the command's redirections in order, each replacing the stage's input or output;
    // false (with the reason printed) when one cannot be opened.
    private static bool OpenRedirections(ShellCommand command, int lastStatus, Stage stage)
    {
        foreach (ShellRedirection redirection in command.Redirections)
        {
            string path = redirection.Target.Expand(lastStatus).Text;
            FileOpenFlags flags = redirection.Kind switch
            {
                ShellRedirectionKind.Input => FileOpenFlags.Read,
                ShellRedirectionKind.Append => FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Append,
                _ => FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate,
            };
            long handle = StreamCalls.OpenFile(path, flags);
            if (handle < 0)
            {
                Console.WriteLine("shell: " + (path.Length > 0 ? path : "''") + ": " + ProcessCalls.ErrorText(handle));
                return false;
            }
            stage.OpenedFiles.Add(handle);
            if (redirection.Kind == ShellRedirectionKind.Input)
                stage.Input = handle;
            else
                stage.Output = handle;
        }
        return true;
    }

    // A builtin as a stage of its own: the shell again, as a child running just that command.
    private static long StartChildShell(Stage stage)
    {
        string line = ShellQuoting.Quote(stage.Arguments);
        string arguments = "-c " + line;
        int length = Utf8.GetLenientByteCount(arguments);
        if (length > MaxChildLineBytes)
        {
            Console.WriteLine("shell: " + stage.Arguments[0] + ": a builtin before '|' takes at most " + MaxChildLineBytes.ToString()
                + " bytes of arguments (this one has " + length.ToString() + ")");
            return SyscallResult.Error(SyscallError.InvalidArgument);
        }
        long pid = ProcessCalls.Spawn("shell " + arguments, Commands.StandardIo(stage.Input, stage.Output, StandardStreams.Error));
        if (pid < 0)
            Console.WriteLine("shell: cannot start a child shell for " + stage.Arguments[0] + ": " + ProcessCalls.ErrorText(pid));
        return pid;
    }

    // The builtin with the shell's standard streams pointed at the stage's for its duration.
    private static int RunInShell(Stage stage)
    {
        long input = StandardStreams.Input;
        long output = StandardStreams.Output;
        StandardStreams.Input = stage.Input;
        StandardStreams.Output = stage.Output;
        int status = Commands.Execute(stage.Arguments);
        StandardStreams.Input = input;
        StandardStreams.Output = output;
        return status;
    }

    private static void CloseAll(long[] handles, int count)
    {
        for (int i = 0; i < count; i++)
            StreamCalls.Close(handles[i]);
    }

    private static void CloseAll(List<long> handles)
    {
        foreach (long handle in handles)
            StreamCalls.Close(handle);
        handles.Clear();
    }
}
