using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Ipc;

/// <summary>The kernel's message-port engine, and what it does when a process ends.</summary>
internal static class KernelPorts
{
    private static PortEngine<KernelIpcSeam> s_engine;

    /// <summary>The engine (made at the first port operation: no static constructor check on the fast path).</summary>
    public static PortEngine<KernelIpcSeam> Engine
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_engine ?? CreateEngine();
    }

    /// <summary>The running thread's IPC state, made at its first port operation.</summary>
    public static IpcWaiter CurrentWaiter
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Scheduler.Current.IpcWaiter ?? CreateWaiter(Scheduler.Current);
    }

    private static IpcWaiter CreateWaiter(Thread thread) => thread.IpcWaiter = new IpcWaiter(thread);

    // Once, with interrupts off: an interrupt's notification must not make a second engine.
    private static PortEngine<KernelIpcSeam> CreateEngine()
    {
        using (InterruptsOff.Enter())
            return s_engine ??= new PortEngine<KernelIpcSeam>();
    }

    /// <summary>
    /// A thread is ending by itself (ExitThread) while its process goes on: the call it was serving
    /// fails (PeerClosed) and its grant goes back, as when the whole process ends. Without this the
    /// caller waited for ever, and the grant stayed mapped under a waiter that no longer runs: revoked
    /// only after its process was gone, the unmap walked that process's freed page tables.
    /// </summary>
    public static void ReleaseThread(Thread thread)
    {
        using (InterruptsOff.Enter())
        {
            if (thread.IpcWaiter != null)
                Engine.ReleaseThread(thread.IpcWaiter);
        }
    }

    /// <summary>
    /// A process is ending: calls its threads were serving fail (PeerClosed), grants
    /// its threads lent or borrowed are revoked, waits are cancelled, handles closed,
    /// and the devices it drove go back to nobody (bus mastering off before its DMA memory is
    /// freed, interrupt lines unbound, register mappings removed).
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
            Devices.DeviceRegistry.ReleaseProcess(process);
        }
    }
}
