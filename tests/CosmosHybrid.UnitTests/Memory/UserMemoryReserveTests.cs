using CosmosHybrid.Memory;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Memory;

public class UserMemoryReserveTests
{
    [Test]
    public void ProgramsMayTakeFramesWhileTheReserveStaysFree()
    {
        Assert.That(UserMemoryReserve.MayTake(UserMemoryReserve.Frames + 10, 10), Is.True);
        Assert.That(UserMemoryReserve.MayTake(100_000, 1), Is.True);
    }

    [Test]
    public void TheLastFramesAreRefused()
    {
        Assert.That(UserMemoryReserve.MayTake(UserMemoryReserve.Frames + 10, 11), Is.False);
        Assert.That(UserMemoryReserve.MayTake(UserMemoryReserve.Frames, 1), Is.False);
        Assert.That(UserMemoryReserve.MayTake(0, 1), Is.False);
    }

    [Test]
    public void MoreThanIsFreeIsRefusedWithoutWrappingAround()
    {
        Assert.That(UserMemoryReserve.MayTake(100, ulong.MaxValue), Is.False);
        Assert.That(UserMemoryReserve.MayTake(UserMemoryReserve.Frames + 5, UserMemoryReserve.Frames + 6), Is.False);
    }

    [Test]
    public void BufferedBytesMayNotTakeTheLastQuarter()
    {
        const ulong Usable = 120_000;
        Assert.That(UserMemoryReserve.MayBuffer(Usable / 4 + 1, Usable, 4096), Is.True);
        Assert.That(UserMemoryReserve.MayBuffer(Usable / 4 + 1, Usable, 4097), Is.False);
        Assert.That(UserMemoryReserve.MayBuffer(Usable / 4, Usable, 1), Is.False);
        Assert.That(UserMemoryReserve.MayBuffer(100_000, Usable, 4096), Is.True);
    }

    [Test]
    public void OnASmallMachineTheReserveIsTheFloor()
    {
        Assert.That(UserMemoryReserve.MayBuffer(UserMemoryReserve.Frames + 1, 4000, 4096), Is.True);
        Assert.That(UserMemoryReserve.MayBuffer(UserMemoryReserve.Frames, 4000, 1), Is.False);
        Assert.That(UserMemoryReserve.MayBuffer(100_000, 4000, ulong.MaxValue), Is.False);
    }
}
