using CosmosHybrid.Console.Log;
using CosmosHybrid.SelfTest.Conformance;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// Runs the BCL conformance cases (SelfTest/Conformance, also run on .NET by the host
/// unit tests) against the kernel's runtime library. Each case counts as one check;
/// every failed assertion is reported, including the checks that catch exceptions.
/// </summary>
internal static class ConformanceTests
{
    public static void Run()
    {
        ConformanceCase[] cases = ConformanceSuite.Cases;
        int assertions = 0;
        foreach (ConformanceCase testCase in cases)
        {
            Begin("conformance: " + testCase.Name);
            var check = new ConformanceCheck(canCatchExceptions: true);
            testCase.Run(check);
            assertions += check.Passed;
            if (check.Failures.Count == 0)
            {
                Check(true, testCase.Name);
                continue;
            }
            foreach (string failure in check.Failures)
                Check(false, failure);
        }
        KernelLog.WriteLine($"selftest: conformance: {cases.Length} cases, {assertions} assertions passed");
        // Compared with .NET's text by the boot tests (FloatTextTests), which compute the same digest.
        KernelLog.WriteLine("selftest: float text: " + FloatTextVectors.Summary(FloatTextVectors.BootCount));
    }
}
