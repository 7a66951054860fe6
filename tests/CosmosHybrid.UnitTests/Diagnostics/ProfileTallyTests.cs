using CosmosHybrid.Diagnostics.Profiling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Diagnostics;

/// <summary>The profiler's tally: most sampled first, percentages of all samples, callers as "function &lt;- caller".</summary>
public class ProfileTallyTests
{
    [Test]
    public void ListsTheMostSampledFunctionsFirstWithTheirShare()
    {
        var tally = new ProfileTally();
        for (int i = 0; i < 6; i++)
            tally.Add("usertest: A.Spin");
        for (int i = 0; i < 3; i++)
            tally.Add("kernel: K.Tick");
        tally.Add("usertest: A.Main");

        Assert.That(tally.Format(2), Is.EqualTo(
            " samples      %  function\n" +
            "       6  60.0%  usertest: A.Spin\n" +
            "       3  30.0%  kernel: K.Tick\n"));
        Assert.That(tally.Total, Is.EqualTo(10));
    }

    [Test]
    public void TalliesCallersApartAndBreaksTiesByName()
    {
        var tally = new ProfileTally();
        tally.Add("p: F", "p: G");
        tally.Add("p: F", "p: H");
        tally.Add("p: F", "p: G");
        tally.Add("p: E", "p: G");

        Assert.That(tally.Format(10), Is.EqualTo(
            " samples      %  function\n" +
            "       2  50.0%  p: F  <-  p: G\n" +
            "       1  25.0%  p: E  <-  p: G\n" +
            "       1  25.0%  p: F  <-  p: H\n"));
    }
}
