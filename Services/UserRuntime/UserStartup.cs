using System.Runtime;

namespace CosmosHybrid.UserRuntime;

/// <summary>Runs after crt0: prepares the runtime, then calls the program's <c>Program.Main(string arguments)</c>.</summary>
internal static unsafe class UserStartup
{
    [RuntimeExport("UserStartup")]
    private static int Start(void* readyToRunHeader, byte* arguments, long length)
    {
        Internal.Runtime.StartupCodeHelpers.Initialize(readyToRunHeader);
        char[] text = new char[length];
        for (long i = 0; i < length; i++)
            text[i] = (char)arguments[i];
        return Program.Main(new string(text));
    }
}
