using System;
using CosmosHybrid.Tools.VmwareBundle;

// Usage: VmwareBundle ISO DIRECTORY
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: VmwareBundle ISO DIRECTORY");
    return 2;
}
Bundle.Write(args[0], args[1]);
Console.WriteLine($"VMware bundle: {args[1]} ({Bundle.BiosVmx}, {Bundle.EfiVmx}, {Bundle.DiskFileName}, {Bundle.IsoFileName})");
return 0;
