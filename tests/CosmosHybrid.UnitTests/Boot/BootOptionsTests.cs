using CosmosHybrid.Boot;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Boot;

// BootOptions is static kernel state: these tests run one at a time and check only what they set.
[NonParallelizable]
public class BootOptionsTests
{
    [Test]
    public void RecognisesSwitchesAmongOtherWords()
    {
        BootOptions.Parse("quiet  selftest exit-on-panic root=/dev/ram0");

        Assert.That(BootOptions.SelfTest, Is.True);
        Assert.That(BootOptions.ExitOnPanic, Is.True);
    }

    [Test]
    public void AtaPioForcesProgrammedIo()
    {
        BootOptions.Parse("ata=dma");
        Assert.That(BootOptions.AtaPio, Is.False, "only ata=pio is a switch");

        BootOptions.Parse("disktest ata=pio");
        Assert.That(BootOptions.AtaPio, Is.True);
    }

    [Test]
    public void PanicTestTakesAnOptionalKind()
    {
        BootOptions.Parse("panic-test=exception");

        Assert.That(BootOptions.PanicTest, Is.True);
        Assert.That(BootOptions.PanicTestKind, Is.EqualTo("exception"));
    }

    [Test]
    public void InitNamesTheFirstProgramWithCommaSeparatedArguments()
    {
        BootOptions.Parse("quiet init=usertest,device-e1000,fast");

        Assert.That(BootOptions.InitialProgram, Is.EqualTo("usertest device-e1000 fast"));
    }

    [Test]
    public void PlacementWordsChooseWhereEachMountPointIsServed()
    {
        BootOptions.Parse("fs:/disk=ring3 fs:/disk1=ring3 fs:/disk1=kernel fs:/x=elsewhere fs:disk=ring3");

        Assert.That(BootOptions.Placements.For("/disk"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.RingThree));
        Assert.That(BootOptions.Placements.For("/disk1"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.Kernel), "the last word wins");
        Assert.That(BootOptions.Placements.For("/x"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.Kernel), "an unknown placement is ignored");
        Assert.That(BootOptions.Placements.For("/"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.Kernel));
    }

    [Test]
    public void PlacementTableRefusesWhatIsNoPlacement()
    {
        var table = new CosmosHybrid.Storage.Placement.PlacementTable();
        Assert.That(table.TryApply("fs:/disk=ring3"), Is.True);
        Assert.That(table.TryApply("fs:/disk=kernel"), Is.True);
        Assert.That(table.TryApply("fs:/disk/=ring3"), Is.False);
        Assert.That(table.TryApply("fs:=ring3"), Is.False);
        Assert.That(table.TryApply("fs:/disk=user"), Is.False);
        Assert.That(table.TryApply("selftest"), Is.False);
        Assert.That(table.For("/disk"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.Kernel));
    }

    [Test]
    public void TheRootCanBePlacedInRingThreeToo()
    {
        var table = new CosmosHybrid.Storage.Placement.PlacementTable();
        Assert.That(table.TryApply("fs:/=ring3"), Is.True);

        Assert.That(table.For("/"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.RingThree));
        Assert.That(table.For("/disk"), Is.EqualTo(CosmosHybrid.Storage.Placement.VolumePlacement.Kernel), "/disk is placed on its own");
        Assert.That(table.Names("/"), Is.True);
    }

    [Test]
    public void PlacementTableRemembersWhichPathsAWordNamed()
    {
        var table = new CosmosHybrid.Storage.Placement.PlacementTable();
        table.TryApply("fs:/disk=kernel");
        table.TryApply("fs:/disk1=ring3");
        table.TryApply("fs:/x=elsewhere");

        Assert.That(table.Names("/disk"), Is.True, "named, though it stays in the kernel: init's manifest cannot move it");
        Assert.That(table.Names("/disk1"), Is.True);
        Assert.That(table.Names("/x"), Is.False, "a refused word names nothing");
        Assert.That(table.Names("/"), Is.False);
    }
}
