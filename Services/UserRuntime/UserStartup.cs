using System;
using System.Runtime;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>Runs after crt0: prepares the runtime, then calls the program's <c>Program.Main(string arguments)</c> and waits for its foreground threads.</summary>
internal static unsafe class UserStartup
{
    [RuntimeExport("UserStartup")]
    private static int Start(void* readyToRunHeader, byte* arguments, long length)
    {
        Internal.Runtime.StartupCodeHelpers.Initialize(readyToRunHeader);
        // Null dereferences and divisions by zero in this program's C# become exceptions.
        Internal.Runtime.ExceptionHandling.HardwareFaults.GetManagedCode(out ulong codeStart, out ulong codeEnd);
        SystemCall.Call(SyscallNumber.SetFaultEntry, (long)Internal.Runtime.ExceptionHandling.HardwareFaults.Entry, (long)codeStart, (long)codeEnd);
        int status = Program.Main(Utf8.GetStringLenient(new ReadOnlySpan<byte>(arguments, (int)length)));
        // As in .NET, the process lives on while a foreground thread runs.
        System.Threading.Thread.WaitForForegroundThreads();
        return status;
    }
}
