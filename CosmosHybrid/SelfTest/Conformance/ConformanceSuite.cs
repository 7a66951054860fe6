using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>
/// Every conformance case, in a fixed order. The kernel's self-test runs them against
/// CosmosHybrid/Runtime; the host unit tests run the same sources against .NET.
/// </summary>
public static class ConformanceSuite
{
    public static ConformanceCase[] Cases
    {
        get
        {
            var cases = new List<ConformanceCase>();
            cases.AddRange(StringCases.Cases);
            cases.AddRange(NumberCases.Cases);
            cases.AddRange(FloatingPointCases.Cases);
            cases.AddRange(TextCases.Cases);
            cases.AddRange(ListCases.Cases);
            cases.AddRange(DictionaryCases.Cases);
            cases.AddRange(SetAndQueueCases.Cases);
            cases.AddRange(SpanCases.Cases);
            cases.AddRange(ArrayCases.Cases);
            cases.AddRange(LanguageCases.Cases);
            cases.AddRange(ThreadingCases.Cases);
            cases.AddRange(ThreadStaticCases.Cases);
            cases.AddRange(ExceptionCases.Cases);
            return cases.ToArray();
        }
    }
}
