using System.Runtime;
using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Memory;

namespace Internal.Runtime;

/// <summary>The kernel's half of the runtime seam: heap pages, fatal errors and type names.</summary>
internal static unsafe partial class RuntimeHost
{
    internal static partial void* AllocatePages(nuint pageCount) => KernelPages.Allocate(pageCount);

    internal static partial void ReleasePages(void* pages, nuint pageCount) => KernelPages.Free(pages, pageCount);

    // Before the scheduler starts (a large boot module copied, say), the collector runs on the boot stack.
    internal static partial void* CurrentStackTop()
    {
        CosmosHybrid.Scheduling.Thread current = CosmosHybrid.Scheduling.Scheduler.Current;
        return current == null ? (void*)BootThreadStackTop() : (void*)current.KernelStackTop;
    }

    [DllImport("*", EntryPoint = "boot_thread_stack_top"), SuppressGCTransition]
    private static extern ulong BootThreadStackTop();

    internal static partial void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit) =>
        CosmosHybrid.Scheduling.Scheduler.ForEachSuspendedStack(visit);

    // With interrupts off (the critical region), no other kernel thread runs: nothing to stop.
    internal static partial void StopOtherThreads()
    {
    }

    internal static partial void ResumeOtherThreads()
    {
    }

    internal static partial ulong EnterCriticalRegion() => Cpu.DisableInterruptsSaving();

    internal static partial void LeaveCriticalRegion(ulong state) => Cpu.RestoreInterrupts(state);

    internal static partial void FailFast(string reason, string detail) => Panic.Fail(reason, detail);

    // Before the scheduler starts, the boot flow is the only thread: 0. Called on the way into
    // any static constructor, so Scheduler must keep having none of its own (no static initializers).
    internal static partial nint CurrentThreadId()
    {
        CosmosHybrid.Scheduling.Thread current = CosmosHybrid.Scheduling.Scheduler.Current;
        return current == null ? 0 : current.Id;
    }

    internal static partial void YieldThread() => CosmosHybrid.Scheduling.Scheduler.Yield();

    internal static partial string DescribeCode(ulong address)
    {
        SymbolTable symbols = Panic.Symbols;
        if (symbols != null && symbols.TryFind(address - 1, out string name, out _))
            return name;
        return KernelLog.Hex(address);
    }

    internal static partial string DescribeType(MethodTable* type)
    {
        SymbolTable symbols = Panic.Symbols;
        if (symbols != null && symbols.TryFind((ulong)type, out string name, out ulong offset) && offset == 0)
            return name;
        return "type at " + KernelLog.Hex((ulong)type);
    }

    /// <summary>Reached from RhpFallbackFailFast when a stack-protector check finds the stack overwritten.</summary>
    [RuntimeExport("RhpFailFastFromStub")]
    private static void StackCorruption() => Panic.Fail("stack buffer overrun detected", null);
}
