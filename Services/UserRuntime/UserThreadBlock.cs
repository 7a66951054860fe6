using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>
/// What each ring-3 thread's FS base points at, set up by crt0 (install_thread_block) before
/// any C# runs on the thread: the main thread's in crt0's data, the others' at the top of their
/// stacks. Reading it is one load through FS, so the running thread's id costs no system call.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UserThreadBlock
{
    public nint Self;
    /// <summary>The kernel's id of the thread (GetThreadId).</summary>
    public long KernelThreadId;
    /// <summary>The core library's two words (see RuntimeHost.CurrentThreadData).</summary>
    public nint RuntimeData0;
    public nint RuntimeData1;
}
