using System.Collections.Generic;
using CosmosHybrid.Processes;

namespace CosmosHybrid.Diagnostics.Profiling;

/// <summary>
/// Names the profiler's samples with C# names, from the kernel's symbol map (kernel.sym) or the
/// sampled program's (NAME.sym, both boot modules), and tallies them by function, or by function
/// and caller. Each map is read once for all its addresses (<see cref="SymbolTable.FindSorted"/>).
/// </summary>
internal static class ProfileReport
{
    private const int TopEntries = 20;
    private const string KernelModule = "kernel";

    public static string Write(bool callers)
    {
        int count = SamplingProfiler.Count;
        // Each sampled module's addresses, named in one pass over its map.
        var modules = new Dictionary<string, ModuleAddresses>();
        for (int i = 0; i < count; i++)
        {
            ModuleAddresses module = ModuleOf(modules, i);
            ProfileSample sample = SamplingProfiler.Sample(i);
            module.Add(sample.Rip);
            if (callers && sample.Caller != 0)
                module.Add(sample.Caller - 1);   // inside the call instruction, not past it
        }
        foreach (ModuleAddresses module in modules.Values)
            module.Resolve();

        var tally = new ProfileTally();
        int kernelSamples = 0;
        for (int i = 0; i < count; i++)
        {
            ModuleAddresses module = ModuleOf(modules, i);
            ProfileSample sample = SamplingProfiler.Sample(i);
            if (module.Name == KernelModule)
                kernelSamples++;
            string function = module.Name + ": " + module.NameOf(sample.Rip);
            string caller = !callers ? null : sample.Caller == 0 ? "(no frame)" : module.NameOf(sample.Caller - 1);
            tally.Add(function, caller);
        }

        string scope = SamplingProfiler.Target == SamplingProfiler.AllProcesses ? "all processes and the kernel" : "process " + SamplingProfiler.Target.ToString();
        return "prof: " + count.ToString() + " samples of " + scope + " (" + kernelSamples.ToString() + " in the kernel), "
            + SamplingProfiler.Dropped.ToString() + " dropped" + (callers ? "; caller: one frame up the frame-pointer chain" : "") + "\n"
            + tally.Format(TopEntries);
    }

    private static ModuleAddresses ModuleOf(Dictionary<string, ModuleAddresses> modules, int sample)
    {
        Process process = SamplingProfiler.ProcessOf(sample);
        string name = process == null ? KernelModule : process.Name;
        if (!modules.TryGetValue(name, out ModuleAddresses module))
        {
            module = new ModuleAddresses(name, process == null ? Panic.Symbols : process.Symbols);
            modules[name] = module;
        }
        return module;
    }

    // The distinct addresses sampled in one module, and their function names once resolved.
    private sealed class ModuleAddresses
    {
        private readonly SymbolTable _symbols;
        private readonly List<ulong> _addresses = new List<ulong>();
        private readonly Dictionary<ulong, string> _names = new Dictionary<ulong, string>();

        public ModuleAddresses(string name, SymbolTable symbols)
        {
            Name = name;
            _symbols = symbols;
        }

        public string Name { get; }

        public void Add(ulong address)
        {
            if (_names.TryAdd(address, null))
                _addresses.Add(address);
        }

        public void Resolve()
        {
            ulong[] sorted = _addresses.ToArray();
            System.Array.Sort(sorted);
            string[] names = new string[sorted.Length];
            _symbols?.FindSorted(sorted, sorted.Length, names);
            for (int i = 0; i < sorted.Length; i++)
                _names[sorted[i]] = names[i];
        }

        public string NameOf(ulong address) =>
            _names.TryGetValue(address, out string name) && name != null ? name : "0x" + address.ToString("x");
    }
}
