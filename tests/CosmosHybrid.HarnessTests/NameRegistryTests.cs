using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>Well-known names: a service registers a handle it may send on; clients get send handles of their own.</summary>
public class NameRegistryTests : HarnessTest
{
    private HostProcess _service;
    private HostProcess _client;
    private long _port;

    [SetUp]
    public void CreateProcesses()
    {
        _service = Kernel.CreateProcess("service");
        _client = Kernel.CreateProcess("client");
        _port = _service.CreatePort();
    }

    [Test]
    public void LookupGivesASendAndTransferHandle()
    {
        Assert.That(_service.Register("net", _port), Is.Zero);
        long handle = _client.Lookup("net");
        Assert.That(handle, Is.EqualTo(1));

        var message = new IpcMessage { Tag = 6 };
        Assert.That(_client.Send(handle, ref message, 0), Is.Zero, "Send right");
        Assert.That(_client.Receive(handle, ref message, 0), Is.EqualTo(Failed(SyscallError.NoRight)), "no Receive right");
        long second = _client.Lookup("net");
        var passing = new IpcMessage { Tag = 7, Handle = second };
        Assert.That(_client.Send(handle, ref passing, 0), Is.Zero, "Transfer right");

        Assert.That(_service.Receive(_port, ref message, 0), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(6UL));
        Assert.That(_service.Receive(_port, ref message, 0), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(7UL));
        Assert.That(message.Handle, Is.EqualTo(2), "the passed handle arrives as a new handle of the receiver");
    }

    [Test]
    public void NamesAreUniqueAndUnknownNamesAreNotFound()
    {
        Assert.That(_service.Register("ui", _port), Is.Zero);
        Assert.That(_service.Register("ui", _port), Is.EqualTo(Failed(SyscallError.Exists)));
        Assert.That(_client.Register("ui", _client.CreatePort()), Is.EqualTo(Failed(SyscallError.Exists)));
        Assert.That(_client.Lookup("nope"), Is.EqualTo(Failed(SyscallError.NotFound)));
        Assert.That(_client.Lookup("UI"), Is.EqualTo(Failed(SyscallError.NotFound)), "names are case-sensitive");
    }

    [Test]
    public void RegisteringNeedsTheSendRight()
    {
        long receiveOnly = _service.Duplicate(_port, HandleRights.Receive);
        Assert.That(_service.Register("net", receiveOnly), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_service.Register("net", 42), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(_client.Lookup("net"), Is.EqualTo(Failed(SyscallError.NotFound)));
    }

    [Test]
    public void NamesAreOneToThirtyTwoCharacters()
    {
        Assert.That(_service.Register("", _port), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        Assert.That(_service.Register(new string('n', 33), _port), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        Assert.That(_client.Lookup(new string('n', 33)), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        Assert.That(_service.Register(new string('n', 32), _port), Is.Zero);
        Assert.That(_client.Lookup(new string('n', 32)), Is.Positive);
    }

    [Test]
    public void AClosedPortLeavesTheRegistryAndItsNameCanBeReused()
    {
        Assert.That(_service.Register("net", _port), Is.Zero);
        long sendOnly = _service.Duplicate(_port, HandleRights.Send);
        Assert.That(_service.Close(_port), Is.Zero, "the last receive handle");
        Assert.That(_client.Lookup("net"), Is.EqualTo(Failed(SyscallError.NotFound)));

        long replacement = _client.CreatePort();
        Assert.That(_client.Register("net", replacement), Is.Zero);
        Assert.That(_service.Lookup("net"), Is.Not.EqualTo(sendOnly).And.Positive);
    }

    [Test]
    public void RegistryHoldsThirtyTwoNames()
    {
        for (int i = 0; i < 32; i++)
            Assert.That(_service.Register("name" + i, _port), Is.Zero);
        Assert.That(_service.Register("one-too-many", _port), Is.EqualTo(Failed(SyscallError.Exists)), "the kernel reports a full registry as Exists");
    }
}
