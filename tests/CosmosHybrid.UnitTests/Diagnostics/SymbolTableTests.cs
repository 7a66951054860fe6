using System.Text;
using CosmosHybrid.Diagnostics;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Diagnostics;

public class SymbolTableTests
{
    // Shaped like `nm -n --defined-only kernel.elf`.
    private const string NmOutput =
        "0000000000100000 T _start\n" +
        "ffffffff80109000 t higher_half_entry\n" +
        "ffffffff8010f9b0 T kernel_CosmosHybrid_Diagnostics_PanicDemonstration__WriteToUnmappedAddress\n" +
        "ffffffff80110700 T kmain\n" +
        "ffffffff80110700 T kernel_CosmosHybrid_Boot_Kernel__Main\n" +
        "ffffffff80118000 D _ZTV41kernel_System_InvalidOperationException\n" +
        "ffffffff80119000 N .debug_marker\n" +
        "garbage line without an address\n";

    private static SymbolTable Table() => new SymbolTable(Encoding.ASCII.GetBytes(NmOutput));

    [Test]
    public void FindsTheContainingSymbolAndOffset()
    {
        Assert.That(Table().TryFind(0xffffffff8010f9c4, out string name, out ulong offset), Is.True);
        Assert.That(name, Is.EqualTo("CosmosHybrid.Diagnostics.PanicDemonstration.WriteToUnmappedAddress"));
        Assert.That(offset, Is.EqualTo(0x14UL));
    }

    [Test]
    public void PrefersTheManagedNameOfAnExportedMethod()
    {
        Assert.That(Table().Describe(0xffffffff80110710), Is.EqualTo("CosmosHybrid.Boot.Kernel.Main+0x10"));
    }

    [Test]
    public void FindSortedNamesEveryAddressAsTryFindDoes()
    {
        ulong[] addresses = { 0xfffff, 0x100000, 0xffffffff8010f9c4, 0xffffffff80110700, 0xffffffff80110710, 0xffffffff80118004, 0xffffffff80200000 };
        string[] names = new string[addresses.Length];
        Table().FindSorted(addresses, addresses.Length, names);
        for (int i = 0; i < addresses.Length; i++)
        {
            string expected = Table().TryFind(addresses[i], out string name, out _) ? name : null;
            Assert.That(names[i], Is.EqualTo(expected), $"0x{addresses[i]:x}");
        }
        Assert.That(names[4], Is.EqualTo("CosmosHybrid.Boot.Kernel.Main"));
    }

    [Test]
    public void NamesMethodTablesAsTypes()
    {
        Assert.That(Table().Describe(0xffffffff80118000), Is.EqualTo("System.InvalidOperationException"));
    }

    [Test]
    public void AddressBelowEverySymbolIsUnknown()
    {
        Assert.That(Table().TryFind(0x1000, out _, out _), Is.False);
        Assert.That(Table().Describe(0x1000), Is.EqualTo("0x0000000000001000"));
    }

    [Test]
    public void DebugSymbolsAndMalformedLinesAreIgnored()
    {
        Assert.That(Table().TryFind(0xffffffff80119010, out string name, out _), Is.True);
        Assert.That(name, Is.EqualTo("System.InvalidOperationException"));
    }

    [Test]
    public void ProgramSymbolsLoseTheirOwnModulePrefix()
    {
        var table = new SymbolTable(Encoding.ASCII.GetBytes(
            "0000000000407358 D _ZTV41usertest_System_InvalidOperationException\n" +
            "0000000000401000 T usertest_CosmosHybrid_Services_UserTest_Scenarios__Run\n"), "usertest");

        Assert.That(table.Describe(0x407358), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(table.Describe(0x401010), Is.EqualTo("CosmosHybrid.Services.UserTest.Scenarios.Run+0x10"));
    }

    [Test]
    public void EmptyMapFindsNothing()
    {
        Assert.That(new SymbolTable(new byte[0]).TryFind(0xffffffff80100000, out _, out _), Is.False);
    }
}
