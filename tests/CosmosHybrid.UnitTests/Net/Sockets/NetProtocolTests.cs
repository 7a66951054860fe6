using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.Sockets;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Sockets;

public class NetProtocolTests
{
    private static IpcMessage Message(NetRequest request) => new IpcMessage { Tag = (ulong)request };

    [Test]
    public void ConnectNeedsAHandleAndNothingElse()
    {
        var message = Message(NetRequest.Connect);
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.InvalidArgument));
        message.Handle = 7;
        Assert.That(NetProtocol.Check(message, out NetRequest request), Is.EqualTo(NetStatus.Ok));
        Assert.That(request, Is.EqualTo(NetRequest.Connect));
        message.BufferLength = 4;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.InvalidArgument));
    }

    [Test]
    public void HandlesAndGrantsAreRefusedWhereNoneBelongs()
    {
        var message = Message(NetRequest.TcpConnect);
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.Ok));
        message.Handle = 3;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.InvalidArgument));
        message = Message(NetRequest.Status);
        message.GrantedAddress = 0x10000;
        message.GrantLength = 4096;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.InvalidArgument));
    }

    [Test]
    public void DataGrantsAreBoundedAndAReceiveGrantMustBeWritable()
    {
        var message = Message(NetRequest.TcpReceive);
        message.GrantedAddress = 0x10000;
        message.GrantLength = 65536;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.BadBuffer), "read-only grant for a receive");
        message.Flags = IpcFlags.GrantWritable;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.Ok));
        message.GrantLength = (ulong)NetProtocol.MaxGrantBytes + 4096;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.BadBuffer));
        message = Message(NetRequest.TcpSend);
        message.BufferLength = (ulong)NetProtocol.MaxCopyBytes + 1;
        Assert.That(NetProtocol.Check(message, out _), Is.EqualTo(NetStatus.BadBuffer));
    }

    [TestCase(0UL)]
    [TestCase(9UL)]
    [TestCase(1000UL)]
    [TestCase(ulong.MaxValue)]
    public void UnknownTagsAreRefused(ulong tag)
    {
        Assert.That(NetProtocol.Check(new IpcMessage { Tag = tag }, out _), Is.EqualTo(NetStatus.UnknownRequest));
    }

    [TestCase("10.0.2.15", 0x0A00020Fu)]
    [TestCase("255.255.255.0", 0xFFFFFF00u)]
    [TestCase("0.0.0.0", 0u)]
    public void DottedQuadsParseAndFormat(string text, uint expected)
    {
        Assert.That(NetProtocol.TryParseAddress(text, out uint address), Is.True);
        Assert.That(address, Is.EqualTo(expected));
        Assert.That(NetProtocol.FormatAddress(address), Is.EqualTo(text));
    }

    [TestCase("")]
    [TestCase("10.0.2")]
    [TestCase("10.0.2.256")]
    [TestCase("10.0.2.1.5")]
    [TestCase("10..2.1")]
    [TestCase("example.com")]
    [TestCase("1000.0.0.1")]
    public void OtherTextIsNoAddress(string text)
    {
        Assert.That(NetProtocol.TryParseAddress(text, out _), Is.False);
    }

    [Test]
    public void RecordLayoutsFitTheCopyLimit()
    {
        Assert.That(System.Runtime.CompilerServices.Unsafe.SizeOf<InterfaceInfo>(), Is.LessThanOrEqualTo(NetProtocol.MaxCopyBytes));
        Assert.That(NetProtocol.MaxCopyBytes / System.Runtime.CompilerServices.Unsafe.SizeOf<SocketRecord>(), Is.GreaterThanOrEqualTo(64));
    }
}
