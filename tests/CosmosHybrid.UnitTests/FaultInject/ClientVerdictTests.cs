using CosmosHybrid.Services.FaultInject.Campaign;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.FaultInject;

public class ClientVerdictTests
{
    [Test]
    public void AServiceThatKeptServingRightShowsNothing()
    {
        Assert.That(ClientVerdict.Combine(FaultOutcome.NothingVisible, 0, 0, true), Is.EqualTo(FaultOutcome.NothingVisible));
    }

    [Test]
    public void WrongBytesOrNoServiceAfterwardsAreWorkloadErrorsWhateverTheGuestSaw()
    {
        Assert.That(ClientVerdict.Combine(FaultOutcome.NothingVisible, 1, 0, true), Is.EqualTo(FaultOutcome.WorkloadError));
        Assert.That(ClientVerdict.Combine(FaultOutcome.CrashedRestarted, 1, 3, true), Is.EqualTo(FaultOutcome.WorkloadError));
        Assert.That(ClientVerdict.Combine(FaultOutcome.HungRestarted, 0, 0, false), Is.EqualTo(FaultOutcome.WorkloadError));
    }

    [Test]
    public void FailedRequestsCountOnlyWhenNoRestartExplainsThem()
    {
        Assert.That(ClientVerdict.Combine(FaultOutcome.NothingVisible, 0, 2, true), Is.EqualTo(FaultOutcome.WorkloadError));
        Assert.That(ClientVerdict.Combine(FaultOutcome.CrashedRestarted, 0, 2, true), Is.EqualTo(FaultOutcome.CrashedRestarted));
        Assert.That(ClientVerdict.Combine(FaultOutcome.HungRestarted, 0, 2, true), Is.EqualTo(FaultOutcome.HungRestarted));
    }

    [Test]
    public void ALostServiceStaysLost()
    {
        Assert.That(ClientVerdict.Combine(FaultOutcome.NotRestarted, 5, 5, false), Is.EqualTo(FaultOutcome.NotRestarted));
    }

    [Test]
    public void EveryOutcomeNameParsesBackAndOthersDoNot()
    {
        for (int i = 0; i < CampaignTally.OutcomeCount; i++)
        {
            var outcome = (FaultOutcome)i;
            Assert.That(ClientVerdict.TryParseOutcome(CampaignTally.OutcomeName(outcome), out FaultOutcome parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(outcome));
        }
        Assert.That(ClientVerdict.TryParseOutcome("not injected", out _), Is.False);
    }
}
