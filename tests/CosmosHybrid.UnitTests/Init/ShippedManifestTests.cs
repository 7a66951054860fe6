using System.IO;
using System.Linq;
using CosmosHybrid.Services.Init.Manifest;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Init;

/// <summary>
/// The manifests the build puts in /etc: /etc/services gives the screen a usable desktop (ui takes
/// the keyboard and mouse and opens a terminal), /etc/console-services is the same boot with the
/// keyboard left to the console shell.
/// </summary>
public class ShippedManifestTests
{
    private static ServiceManifest Load(string name)
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "Services", "Init", name);
        ServiceManifest manifest = ManifestParser.Parse(File.ReadAllText(path));
        Assert.That(manifest.Errors, Is.Empty, name + " parses without errors");
        return manifest;
    }

    [Test]
    public void TheDefaultBootGivesUiTheKeyboardAndATerminal()
    {
        ServiceManifest manifest = Load("services");
        // e1000 starts before ui (QEMU's second of held frames after the driver enables receive runs while ui
        // starts), but only with a NIC, as fs only with a disk placed in ring 3: without them the boot tests' pids
        // 2-6 are testsvc, input, shell, ui, net.
        var order = StartOrder.Compute(manifest).Select(s => s.Name).ToList();
        Assert.That(order, Is.EqualTo(new[] { "testsvc", "input", "shell", "e1000", "ui", "fs", "net" }));
        Assert.That(order.Where(name => !manifest.Find(name).NeedsDevice), Is.EqualTo(new[] { "testsvc", "input", "shell", "ui", "net" }),
            "the boot tests' pids 2-6");
        Assert.That(manifest.Find("ui").CommandLine.Split(' '), Is.EquivalentTo(new[] { "ui", "input", "terminal" }));
    }

    [Test]
    public void TheConsoleManifestIsTheSameBootWithTheKeyboardAtTheConsole()
    {
        ServiceManifest normal = Load("services");
        ServiceManifest console = Load("console-services");
        Assert.That(console.Services.Select(s => s.Name), Is.EqualTo(normal.Services.Select(s => s.Name)));
        Assert.That(console.Find("ui").CommandLine, Is.EqualTo("ui"));
        foreach (ServiceEntry entry in normal.Services.Where(s => s.Name != "ui"))
            Assert.That(console.Find(entry.Name).CommandLine, Is.EqualTo(entry.CommandLine), entry.Name);
    }

    [Test]
    public void TheDriverAndTheStackShareAKeyThatNoOtherServiceHas()
    {
        foreach (string name in new[] { "services", "console-services" })
        {
            ServiceManifest manifest = Load(name);
            Assert.That(manifest.Find("e1000").KeyName, Is.EqualTo("nic"), name);
            Assert.That(manifest.Find("net").KeyName, Is.EqualTo("nic"), name);
            Assert.That(manifest.Services.Count(s => s.KeyName != null), Is.EqualTo(2), name);
        }
    }
}
