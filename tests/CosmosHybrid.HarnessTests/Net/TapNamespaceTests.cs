using System;
using System.IO;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>
/// Tests against Linux's own stack: a TAP device whose far end is moved into a network namespace
/// the test creates (10.99.0.1 there, 10.99.0.2 ours, served by <see cref="TapStack"/>). Nothing
/// leaves the machine. Needs root and /dev/net/tun; skipped otherwise.
/// </summary>
public abstract class TapNamespaceTests
{
    protected static readonly Ipv4Address Ours = new Ipv4Address(10, 99, 0, 2);
    protected const string Theirs = "10.99.0.1";
    protected static readonly MacAddress OurMac = new MacAddress(0x02, 0, 0, 0x99, 0, 2);

    private protected NetNamespace _namespace;
    private protected TapDevice _tap;
    private protected TapStack _stack;

    [SetUp]
    public void CreateNamespaceAndTap()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/dev/net/tun") || !File.Exists("/usr/sbin/ip"))
            Assert.Ignore("needs root, /dev/net/tun and ip (build.sh installs iproute2, iputils-ping, python3, netcat-openbsd)");
        string suffix = (Environment.ProcessId % 10000).ToString();
        _namespace = new NetNamespace("chnet" + suffix);
        _tap = new TapDevice("chtap" + suffix);
        NetNamespace.Run("ip", "link set " + _tap.Name + " netns " + _namespace.Name);
        _namespace.Exec("ip link set lo up");
        _namespace.Exec("ip addr add " + Theirs + "/24 dev " + _tap.Name);
        _namespace.Exec("ip link set " + _tap.Name + " up");
        _stack = new TapStack(_tap, OurMac, new IpConfiguration { Address = Ours, SubnetMask = new Ipv4Address(255, 255, 255, 0) });
    }

    [TearDown]
    public void DeleteNamespaceAndTap()
    {
        _stack?.Dispose();
        _tap?.Dispose();
        _namespace?.Dispose();
        if (_stack?.Failure != null)
            Assert.Fail("the stack thread failed: " + _stack.Failure);
    }

    /// <summary>
    /// netem's "loss 5% delay 20ms reorder 10%", done by <see cref="TapStack"/> in both directions
    /// (this machine's kernel has no sch_netem: tc answers "Specified qdisc kind is unknown").
    /// </summary>
    protected void Impair(bool impaired)
    {
        lock (_stack.Lock)
        {
            _stack.Loss = impaired ? 0.05 : 0;
            _stack.DelayMs = impaired ? 20 : 0;
            _stack.Reorder = impaired ? 0.1 : 0;
        }
    }
}
