using System;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// Thrown to a thread of a <see cref="HostProcess"/> that has ended (killed, or its main
/// thread returned) when it is inside or enters a port operation. In the OS such a thread
/// never runs again; on the host it unwinds instead. <see cref="HostProcess.StartThread"/>
/// catches it and reports the thread's task as canceled.
/// </summary>
public sealed class ThreadTerminatedException : OperationCanceledException
{
    public ThreadTerminatedException(HostProcess process)
        : base("process '" + process.Name + "' (" + process.Id + ") has ended")
    {
        Process = process;
    }

    /// <summary>The process that ended.</summary>
    public HostProcess Process { get; }
}
