using System.Runtime;
using System.Runtime.InteropServices;
using CosmosHybrid.Abi;
using CosmosHybrid.UserRuntime;

namespace Internal.Runtime;

/// <summary>
/// The ring-3 half of the runtime seam: heap pages come from the MapMemory system
/// call, a fatal error prints its report and ends the process, and types are named
/// by the kernel from the program's symbol map (DescribeAddress).
/// Only the thread that collects is scanned: ring-3 programs that allocate on
/// several threads at once are not supported by the collector yet.
/// </summary>
internal static unsafe partial class RuntimeHost
{
    private const int FailFastExitStatus = 134;

    [DllImport("*", EntryPoint = "user_stack_top_value"), SuppressGCTransition]
    private static extern void* MainStackTop();

    internal static partial void* AllocatePages(nuint pageCount)
    {
        long address = SystemCall.Call(SyscallNumber.MapMemory, (long)pageCount);
        return SystemCall.IsError(address) ? null : (void*)address;
    }

    internal static partial void ReleasePages(void* pages, nuint pageCount) =>
        SystemCall.Call(SyscallNumber.UnmapMemory, (long)pages, (long)pageCount);

    internal static partial void* CurrentStackTop() => MainStackTop();

    internal static partial void ForEachSuspendedStack(delegate*<nuint*, nuint*, void> visit)
    {
    }

    // A ring-3 program cannot mask interrupts; the kernel's own scheduling is no threat to its heap.
    internal static partial ulong EnterCriticalRegion() => 0;

    internal static partial void LeaveCriticalRegion(ulong state)
    {
    }

    internal static partial void FailFast(string reason, string detail)
    {
        System.Console.WriteLine("*** " + reason + (detail == null ? "" : ": " + detail));
        SystemCall.Call(SyscallNumber.Exit, FailFastExitStatus);
    }

    internal static partial string DescribeType(MethodTable* type)
    {
        const int Capacity = 128;
        byte* name = stackalloc byte[Capacity];
        long length = SystemCall.Call(SyscallNumber.DescribeAddress, (long)type, (long)name, Capacity);
        if (length <= 0)
            return "type at 0x" + ((ulong)type).ToString("x");
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)name[i];
        return new string(chars);
    }

    [RuntimeExport("RhpFailFastFromStub")]
    private static void StackCorruption() => FailFast("stack buffer overrun detected", null);
}
