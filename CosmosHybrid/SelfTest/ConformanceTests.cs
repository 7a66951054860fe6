using CosmosHybrid.Console.Log;
using CosmosHybrid.SelfTest.Conformance;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// Runs the BCL conformance cases (SelfTest/Conformance, also run on .NET by the host
/// unit tests) against the kernel's runtime library. Each case counts as one check;
/// every failed assertion is reported. Checks that need to catch an exception are
/// skipped: the kernel has no unwinder yet.
/// </summary>
internal static class ConformanceTests
{
    public static void Run()
    {
        ConformanceCase[] cases = ConformanceSuite.Cases;
        int assertions = 0;
        int skipped = 0;
        foreach (ConformanceCase testCase in cases)
        {
            Begin("conformance: " + testCase.Name);
            var check = new ConformanceCheck(canCatchExceptions: false);
            testCase.Run(check);
            assertions += check.Passed;
            skipped += check.Skipped;
            if (check.Failures.Count == 0)
            {
                Check(true, testCase.Name);
                continue;
            }
            foreach (string failure in check.Failures)
                Check(false, failure);
        }
        KernelLog.WriteLine($"selftest: conformance: {cases.Length} cases, {assertions} assertions passed, {skipped} exception checks skipped");
        // Compared with .NET's text by the boot tests (FloatTextTests), which compute the same digest.
        KernelLog.WriteLine("selftest: float text: " + FloatTextVectors.Summary(FloatTextVectors.BootCount));
    }
}
