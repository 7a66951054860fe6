using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// Extra threads in a ring-3 program. Each gets its own stack from MapMemory (given back by
/// ExitThread when the thread ends); the function, its argument, the stack's extent and the thread's block (<see cref="UserThreadBlock"/>) sit at the
/// top of that stack, where crt0's user_thread_start picks them up. From the second thread on, the heap is shared
/// safely (see RuntimeHost).
/// </summary>
internal static unsafe class UserThread
{
    public const int DefaultStackPages = 16;

    [DllImport("*", EntryPoint = "user_thread_start_address"), SuppressGCTransition]
    private static extern ulong StartAddress();

    /// <summary>Starts <paramref name="function"/>(<paramref name="argument"/>) on a new thread; returns its id or a negative error.</summary>
    public static long Start(delegate*<ulong, void> function, ulong argument, int stackPages = DefaultStackPages) =>
        Start(function, argument, 0, stackPages);

    /// <summary>As <see cref="Start(delegate*{ulong, void}, ulong, int)"/>, with the thread's first runtime word preset.</summary>
    internal static long Start(delegate*<ulong, void> function, ulong argument, nint runtimeData0, int stackPages = DefaultStackPages)
    {
        Internal.Runtime.RuntimeHost.OnSecondThread();
        long stack = SystemCall.Call(SyscallNumber.MapMemory, stackPages);
        if (stack < 0)
            return stack;
        // {function, argument, stack, pages} then the thread block: 64 bytes, so the stack top stays
        // 16-byte aligned. crt0 passes the stack to ExitThread, which gives it back as the thread ends.
        ulong* block = (ulong*)(stack + stackPages * 4096L - 16 - 32 - sizeof(UserThreadBlock));
        block[0] = (ulong)function;
        block[1] = argument;
        block[2] = (ulong)stack;
        block[3] = (ulong)stackPages;
        ((UserThreadBlock*)(block + 4))->RuntimeData0 = runtimeData0;
        long thread = SystemCall.Call(SyscallNumber.CreateThread, (long)StartAddress(), (long)block, (long)block);
        if (thread < 0)
            SystemCall.Call(SyscallNumber.UnmapMemory, stack, stackPages);   // refused (the quota): the stack goes back
        return thread;
    }
}
