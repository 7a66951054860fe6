using System.Globalization;
using CosmosHybrid.SelfTest.Conformance;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// double and float text in the kernel and in ring 3 equal .NET's: both print a digest of
/// the ToString, format and parse results of <see cref="FloatTextVectors.BootCount"/>
/// generated values, and the host computes the same digest with .NET.
/// </summary>
public class FloatTextTests : BootTestBase
{
    private static string DotNetSummary()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        return FloatTextVectors.Summary(FloatTextVectors.BootCount);
    }

    private void BootToShell()
    {
        Boot("");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");
    }

    [Test]
    public void KernelFormatsAndParsesLikeDotNet()
    {
        Boot("selftest");

        string kernel = ExpectMatch(@"selftest: float text: ([^\r\n]+)\r?\n").Groups[1].Value;
        Assert.That(kernel, Is.EqualTo(DotNetSummary()));
    }

    [Test]
    public void Ring3FormatsAndParsesLikeDotNet()
    {
        BootToShell();
        Machine.SendLine("run usertest float-text");

        string ring3 = ExpectMatch(@"float-text: ([^\r\n]+)\r?\n").Groups[1].Value;
        Assert.That(ring3, Is.EqualTo(DotNetSummary()));
    }
}
