using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.FaultInject.Campaign;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.FaultInject;

public class CampaignTests
{
    private const long Hang = 1000;

    [Test]
    public void AnUnchangedServiceThatAnswersRightShowsNothing()
    {
        var seen = new FaultObservation();
        Assert.That(seen.Classify(Hang), Is.EqualTo(FaultOutcome.NothingVisible));
    }

    [Test]
    public void AQuickFailureIsACrashAndASlowOneAHang()
    {
        var crash = new FaultObservation { CallFailed = true, FailedCallMilliseconds = 3, Restarted = true };
        var hang = new FaultObservation { CallFailed = true, FailedCallMilliseconds = 2100, Restarted = true };
        Assert.That(crash.Classify(Hang), Is.EqualTo(FaultOutcome.CrashedRestarted));
        Assert.That(hang.Classify(Hang), Is.EqualTo(FaultOutcome.HungRestarted));
    }

    [Test]
    public void AProcessThatChangedWithoutAFailedCallCrashed()
    {
        var seen = new FaultObservation { ProcessChanged = true, Restarted = true };
        Assert.That(seen.Classify(Hang), Is.EqualTo(FaultOutcome.CrashedRestarted));
    }

    [Test]
    public void WrongAnswersCountFirstAndAServiceThatStaysDownIsLost()
    {
        var wrong = new FaultObservation { WrongReplies = 1, CallFailed = true, Restarted = true };
        var lost = new FaultObservation { CallFailed = true, FailedCallMilliseconds = 5000 };
        Assert.That(wrong.Classify(Hang), Is.EqualTo(FaultOutcome.WorkloadError));
        Assert.That(lost.Classify(Hang), Is.EqualTo(FaultOutcome.NotRestarted));
    }

    [Test]
    public void AFailedCallTheSameProcessWentOnFromIsAWorkloadError()
    {
        var refused = new FaultObservation { CallFailed = true, FailedCallMilliseconds = 4, ServedAfterFailedCall = true };
        Assert.That(refused.Classify(Hang), Is.EqualTo(FaultOutcome.WorkloadError));
        // The same failed call from a process that did not answer again, and was restarted, was a crash.
        var crashed = new FaultObservation { CallFailed = true, FailedCallMilliseconds = 4, Restarted = true };
        Assert.That(crashed.Classify(Hang), Is.EqualTo(FaultOutcome.CrashedRestarted));
    }

    [Test]
    public void TheTallyCountsPerKindAndOutcome()
    {
        var tally = new CampaignTally();
        tally.Add(FaultKind.Code, FaultOutcome.CrashedRestarted);
        tally.Add(FaultKind.Code, FaultOutcome.NothingVisible);
        tally.Add(FaultKind.Register, FaultOutcome.CrashedRestarted);
        tally.Add(FaultKind.SystemCalls, FaultOutcome.HungRestarted);
        Assert.That(tally.Total, Is.EqualTo(4));
        Assert.That(tally.Count(FaultKind.Code), Is.EqualTo(2));
        Assert.That(tally.Count(FaultOutcome.CrashedRestarted), Is.EqualTo(2));
        Assert.That(tally.Count(FaultKind.Code, FaultOutcome.NothingVisible), Is.EqualTo(1));

        string[] table = tally.Format();
        Assert.That(table.Length, Is.EqualTo(CampaignTally.KindCount + 2));
        Assert.That(table[0], Does.StartWith("kind"));
        Assert.That(table[1 + (int)FaultKind.Code].Split(' ', System.StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { "code", "2", "1", "1", "0", "0", "0" }));
        Assert.That(table[^1].Split(' ', System.StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { "total", "4", "1", "2", "1", "0", "0" }));
    }

    [Test]
    public void ARequestCarriesTheServiceNameCountAndSeed()
    {
        Assert.That(CampaignRequest.TryEncode("e1000", 250, 42, out ShortMessage message), Is.True);
        Assert.That(message.Tag, Is.EqualTo(CampaignRequest.Tag));
        Assert.That(message.Word0, Is.EqualTo(250UL));
        Assert.That(message.Word1, Is.EqualTo(42UL));
        Assert.That(CampaignRequest.DecodeName(message), Is.EqualTo("e1000"));

        Assert.That(CampaignRequest.TryEncode("a-sixteen-chars!", 1, 0, out message), Is.True);
        Assert.That(CampaignRequest.DecodeName(message), Is.EqualTo("a-sixteen-chars!"));
    }

    [Test]
    public void BadRequestsAreRefused()
    {
        Assert.That(CampaignRequest.TryEncode("", 1, 0, out _), Is.False);
        Assert.That(CampaignRequest.TryEncode("seventeen-chars!!", 1, 0, out _), Is.False);
        Assert.That(CampaignRequest.TryEncode("echo", 0, 0, out _), Is.False);
        Assert.That(CampaignRequest.TryEncode("ec ho", 1, 0, out _), Is.False);
    }

    [Test]
    public void EachFaultHasItsOwnSeed()
    {
        Assert.That(CampaignRequest.FaultSeed(7, 0), Is.Not.EqualTo(CampaignRequest.FaultSeed(7, 1)));
        Assert.That(CampaignRequest.FaultSeed(7, 3), Is.Not.EqualTo(CampaignRequest.FaultSeed(8, 3)));
    }
}
