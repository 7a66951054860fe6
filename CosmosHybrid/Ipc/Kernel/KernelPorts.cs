using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Ipc;

/// <summary>The kernel's message-port engine, and what it does when a process ends.</summary>
internal static class KernelPorts
{
    public static readonly PortEngine<KernelIpcSeam> Engine = new PortEngine<KernelIpcSeam>();

    /// <summary>The running thread's IPC state, made at its first port operation.</summary>
    public static IpcWaiter CurrentWaiter
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Scheduler.Current.IpcWaiter ?? CreateWaiter(Scheduler.Current);
    }

    private static IpcWaiter CreateWaiter(Thread thread) => thread.IpcWaiter = new IpcWaiter(thread);

    /// <summary>
    /// A process is ending: calls its threads were serving fail (PeerClosed), grants
    /// its threads lent or borrowed are revoked, waits are cancelled, handles closed,
    /// interrupt lines it had bound are masked and freed.
    /// </summary>
    public static void ReleaseProcess(Process process)
    {
        using (InterruptsOff.Enter())
        {
            for (int i = 0; i < process.ThreadCount; i++)
            {
                IpcWaiter waiter = process.GetThread(i).IpcWaiter;
                if (waiter != null)
                    Engine.ReleaseThread(waiter);
            }
            Engine.CloseAllHandles(process.Handles);
            IrqBindings.ReleaseProcess(process);
        }
    }
}
