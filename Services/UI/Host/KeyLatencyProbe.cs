using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Protocol;

namespace CosmosHybrid.Services.UI.Host;

/// <summary>
/// `ui latency`: for each key, the time-stamp ticks from the server receiving it to the end of the
/// composite after the next Damage request (the focused terminal's echo: terminal, shell, terminal
/// again, the server's copy and composite), printed as "ui: key to screen N ticks". Under
/// `-icount shift=0` a tick is an instruction; `bench` drives it (UiLatencyBenchmarks).
/// </summary>
internal static class KeyLatencyProbe
{
    private static ulong s_start;
    private static bool s_pending;

    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    private static extern ulong ReadTimestamp();

    /// <summary>A key press starts a measurement unless one is under way.</summary>
    public static void Received(IpcMessage request)
    {
        if (request.Tag == (ulong)UiRequest.KeyInput && request.Word1 != 0 && !s_pending)
        {
            s_start = ReadTimestamp();
            s_pending = true;
        }
    }

    public static void Served(ulong tag)
    {
        if (tag != (ulong)UiRequest.Damage || !s_pending)
            return;
        ulong ticks = ReadTimestamp() - s_start;
        s_pending = false;
        System.Console.WriteLine("ui: key to screen " + ticks.ToString() + " ticks");
    }
}
