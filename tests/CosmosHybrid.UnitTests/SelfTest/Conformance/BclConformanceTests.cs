using System.Collections.Generic;
using CosmosHybrid.SelfTest.Conformance;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.SelfTest.Conformance;

/// <summary>
/// Runs every BCL conformance case against real .NET. The kernel's self-test runs the same
/// cases against CosmosHybrid/Runtime, so a case that passes here and fails there (or the
/// reverse) is a behavioural difference between the two libraries. Here exceptions can be
/// caught, so the throwing checks the kernel skips run as well.
/// </summary>
[TestFixture]
public class BclConformanceTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (ConformanceCase testCase in ConformanceSuite.Cases)
            yield return new TestCaseData(testCase).SetName(testCase.Name);
    }

    [TestCaseSource(nameof(Cases))]
    public void BehavesLikeDotNet(ConformanceCase testCase)
    {
        var check = new ConformanceCheck(canCatchExceptions: true);

        testCase.Run(check);

        Assert.That(check.Failures, Is.Empty, string.Join("\n", check.Failures));
        Assert.That(check.Passed, Is.GreaterThan(0), "the case checked something");
        Assert.That(check.Skipped, Is.Zero);
    }

    [Test]
    public void SuiteIsLargeAndNamesAreUnique()
    {
        var names = new HashSet<string>();
        foreach (ConformanceCase testCase in ConformanceSuite.Cases)
            Assert.That(names.Add(testCase.Name), Is.True, "duplicate case name " + testCase.Name);
        Assert.That(names.Count, Is.GreaterThanOrEqualTo(80));
    }
}
