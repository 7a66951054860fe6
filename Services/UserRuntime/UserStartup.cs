using System;
using System.Runtime;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>Runs after crt0: prepares the runtime, then calls the program's <c>Program.Main(string arguments)</c>.</summary>
internal static unsafe class UserStartup
{
    [RuntimeExport("UserStartup")]
    private static int Start(void* readyToRunHeader, byte* arguments, long length)
    {
        Internal.Runtime.StartupCodeHelpers.Initialize(readyToRunHeader);
        return Program.Main(Utf8.GetStringLenient(new ReadOnlySpan<byte>(arguments, (int)length)));
    }
}
