using CosmosHybrid.Processes;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Processes;

public class UserFaultWordingTests
{
    private const ulong StackBottom = 0x7FFF_FFE0_0000;
    private const ulong Page = 4096;

    [Test]
    public void APushIntoTheGuardPageIsAStackOverflow()
    {
        ulong rsp = StackBottom;   // the push writes just below it
        Assert.That(UserFaultWording.IsStackOverflow(StackBottom - 8, rsp, StackBottom), Is.True);
    }

    [Test]
    public void AStoreIntoAFrameMadeBelowTheStackIsAStackOverflow()
    {
        ulong rsp = StackBottom - 3 * Page;   // `sub rsp, N` went below; the store lands above rsp
        Assert.That(UserFaultWording.IsStackOverflow(rsp + 64, rsp, StackBottom), Is.True);
    }

    [Test]
    public void AWildPointerNearSomeRegionIsNot()
    {
        ulong rsp = StackBottom + 512 * Page;   // the stack pointer is well inside its stack
        Assert.That(UserFaultWording.IsStackOverflow(0x1000_0000_0000 - 8, rsp, 0x1000_0000_0000), Is.False);
    }

    [Test]
    public void FaultsFarBelowOrAboveTheStackAreNot()
    {
        Assert.That(UserFaultWording.IsStackOverflow(StackBottom - UserFaultWording.GuardReach - 8, StackBottom - 8, StackBottom), Is.False);
        Assert.That(UserFaultWording.IsStackOverflow(StackBottom + 8, StackBottom, StackBottom), Is.False);
        Assert.That(UserFaultWording.IsStackOverflow(0x5000, StackBottom, 0), Is.False);
    }

    [TestCase(true, false, "out of memory")]
    [TestCase(false, true, "stack overflow")]
    [TestCase(true, true, "out of memory")]
    [TestCase(false, false, "Page fault (#PF)")]
    public void TheReportSaysWhatHappened(bool unbacked, bool overflow, string expected)
    {
        Assert.That(UserFaultWording.Describe("Page fault (#PF)", unbacked, overflow), Is.EqualTo(expected));
    }
}
