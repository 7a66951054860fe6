using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The sampling profiler from the shell: `prof PID 1` on a program that spins in one method names
/// that method (C# name, from the program's symbol map) at the top; `--callers` names its caller
/// from the frame-pointer chain; `prof all 1` samples the kernel too. One boot.
/// </summary>
public class ProfilerTests : BootTestBase
{
    private static readonly Regex s_entry = new(@"^\s*(\d+)\s+(\d+\.\d)%\s+(.+)$", RegexOptions.Multiline);

    [Test]
    public void ProfNamesTheMethodsOfTheSampledProgram()
    {
        Boot("");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");

        string started = Shell("spawn usertest spin 60");
        string pid = Regex.Match(started, @"started process (\d+)").Groups[1].Value;
        Assert.That(pid, Is.Not.Empty, started);

        string report = Shell("prof " + pid + " 1");
        Match header = Regex.Match(report, @"^prof: (\d+) samples of process " + pid + @" \((\d+) in the kernel\), 0 dropped");
        Assert.That(header.Success, Is.True, report);
        Assert.That(int.Parse(header.Groups[1].Value), Is.GreaterThan(100), "a second at 1 000 samples a second, most of them the spinning program's");
        string[] entries = s_entry.Matches(report).Select(m => m.Groups[3].Value.Trim()).ToArray();
        Assert.That(entries, Is.Not.Empty, report);
        Assert.That(entries[0], Is.EqualTo("usertest: CosmosHybrid.Services.UserTest.SpinLoop.Mix"), report);
        Assert.That(entries, Has.All.Match(@"^(usertest|kernel): [A-Za-z]"), "only the sampled process's code (and the kernel's on its behalf), by name");

        string callers = Shell("prof " + pid + " 1 --callers");
        string[] callerEntries = s_entry.Matches(callers).Select(m => m.Groups[3].Value.Trim()).ToArray();
        Assert.That(callerEntries, Is.Not.Empty, callers);
        Assert.That(callerEntries[0], Does.StartWith("usertest: CosmosHybrid.Services.UserTest.SpinLoop.Mix  <-  CosmosHybrid.Services.UserTest.SpinLoop.Run"), callers);

        string all = Shell("prof all 1");
        Assert.That(all, Does.Match(@"prof: \d+ samples of all processes and the kernel"));
        Assert.That(all, Does.Contain("usertest: CosmosHybrid.Services.UserTest.SpinLoop.Mix"));

        Assert.That(Shell("prof all"), Does.StartWith("usage: prof"), "a missing duration");
        Assert.That(Shell("prof all 0"), Does.StartWith("usage: prof"));
        Assert.That(Shell("prof 99999 1"), Is.EqualTo("prof: not found"));
        Shell("kill " + pid);
    }
}
