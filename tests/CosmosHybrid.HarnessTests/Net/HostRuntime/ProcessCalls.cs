using System;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>The uptime clock on the host.</summary>
internal static class ProcessCalls
{
    public static long UptimeMilliseconds => Environment.TickCount64;
}
