using System.Collections.Generic;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>One service of the manifest: what to run and what it gets.</summary>
internal sealed class ServiceEntry
{
    public ServiceEntry(string name, int line)
    {
        Name = name;
        Line = line;
    }

    public string Name { get; }

    /// <summary>The line of its `service` line, for messages.</summary>
    public int Line { get; }

    /// <summary>The command line (program and arguments); null until a `run` line.</summary>
    public string CommandLine { get; set; }

    /// <summary>Device selectors, in order (see <see cref="DeviceSelector"/>).</summary>
    public List<DeviceSelector> Devices { get; } = new List<DeviceSelector>();

    /// <summary>Reserved names the service (and only it) may register.</summary>
    public List<string> Names { get; } = new List<string>();

    /// <summary>Authority rights it gets (none: no authority handle at all).</summary>
    public HandleRights Rights { get; set; }

    public bool Restart { get; set; }

    /// <summary>Start only when one of its device selectors matched (a driver with nothing to drive stays off).</summary>
    public bool NeedsDevice { get; set; }

    /// <summary>Services that must be started before this one.</summary>
    public List<string> After { get; } = new List<string>();

    /// <summary>Handle quota (0: the kernel's default).</summary>
    public int HandleLimit { get; set; }

    /// <summary>The port init pings to see that the service still answers (`ping PORT MS`); null: no liveness check.</summary>
    public string PingPort { get; set; }

    /// <summary>How long a ping may go unanswered before init kills and restarts the service.</summary>
    public int PingTimeoutMilliseconds { get; set; }

    /// <summary>
    /// A shared secret's name (`key NAME`): init draws one random key per name and appends it as
    /// `key=N` to the command line of every service that names it (a driver and its one rightful client).
    /// </summary>
    public string KeyName { get; set; }

    /// <summary>Thread quota (0: the kernel's default).</summary>
    public int ThreadLimit { get; set; }
}
