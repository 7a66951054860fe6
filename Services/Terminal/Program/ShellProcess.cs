using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Terminal.Program;

/// <summary>
/// The program behind the window: started with a pipe's read end as its standard input and
/// another pipe's write end as its standard output and error. The terminal keeps the other
/// ends (and closes its copies of the child's, so the output pipe ends when the child does).
/// </summary>
internal sealed class ShellProcess
{
    private ShellProcess(long id, long input, long output)
    {
        Id = id;
        Input = input;
        Output = output;
    }

    public long Id { get; }

    /// <summary>The write end of the child's standard input.</summary>
    public long Input { get; }

    /// <summary>The read end of the child's standard output and error.</summary>
    public long Output { get; }

    /// <summary>Starts <paramref name="commandLine"/>; returns its pid or a negative error.</summary>
    public static long Start(string commandLine, out ShellProcess shell)
    {
        shell = null;
        long result = StreamCalls.CreatePipe(out long inputRead, out long inputWrite);
        if (result < 0)
            return result;
        result = StreamCalls.CreatePipe(out long outputRead, out long outputWrite);
        if (result < 0)
        {
            StreamCalls.Close(inputRead);
            StreamCalls.Close(inputWrite);
            return result;
        }

        var handles = new[]
        {
            new SpawnHandle { Handle = inputRead, Rights = HandleRights.StreamRead | HandleRights.Transfer },
            new SpawnHandle { Handle = outputWrite, Rights = HandleRights.StreamWrite | HandleRights.Transfer },
            new SpawnHandle { Handle = outputWrite, Rights = HandleRights.StreamWrite | HandleRights.Transfer },
        };
        long pid = ProcessCalls.Spawn(commandLine, handles);
        StreamCalls.Close(inputRead);
        StreamCalls.Close(outputWrite);
        if (pid < 0)
        {
            StreamCalls.Close(inputWrite);
            StreamCalls.Close(outputRead);
            return pid;
        }
        shell = new ShellProcess(pid, inputWrite, outputRead);
        return pid;
    }

    /// <summary>Ends the child if it still runs and collects it; the pipes close.</summary>
    public void Stop(bool kill)
    {
        StreamCalls.Close(Input);
        if (kill)
            ProcessCalls.Kill(Id);
        ProcessCalls.Wait(Id, out _);
        StreamCalls.Close(Output);
    }
}
