using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Net.FramePath;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.FramePath;

public class NicProtocolTests
{
    private static readonly FramePoolLayout Layout = new FramePoolLayout(64, 160, 2048);

    // An Attach as the driver receives it: the grant mapped at some address, its length and writability reported.
    private static IpcMessage ReceivedAttach()
    {
        IpcMessage message = NicProtocol.AttachRequest(Layout, 0x1000_0000, 7);
        message.GrantAddress = 0;
        message.GrantedAddress = 0x2000_0000;
        message.Handle = 12;
        return message;
    }

    [Test]
    public void LayoutsAreCheckedForEveryField()
    {
        Assert.That(Layout.IsValid, Is.True);
        Assert.That(Layout.TotalBytes, Is.EqualTo(4096 + 160 * 2048));
        Assert.That(new FramePoolLayout(48, 160, 2048).IsValid, Is.False, "not a power of two");
        Assert.That(new FramePoolLayout(4, 160, 2048).IsValid, Is.False, "too small");
        Assert.That(new FramePoolLayout(512, 2048, 2048).IsValid, Is.False, "entries would not fit the control page");
        Assert.That(new FramePoolLayout(64, 127, 2048).IsValid, Is.False, "fewer buffers than ring slots");
        Assert.That(new FramePoolLayout(64, 160, 1024).IsValid, Is.False, "a full frame does not fit");
        Assert.That(new FramePoolLayout(64, 160, 2000).IsValid, Is.False, "not a multiple of 64");
        Assert.That(new FramePoolLayout(64, 160, 8192).IsValid, Is.False, "too large");
        Assert.That(Layout.IsValidFrame(159, 2048), Is.True);
        Assert.That(Layout.IsValidFrame(160, 60), Is.False);
        Assert.That(Layout.IsValidFrame(-1, 60), Is.False);
        Assert.That(Layout.IsValidFrame(0, 2049), Is.False);
        Assert.That(Layout.IsValidFrame(0, -1), Is.False);
    }

    [Test]
    public void AGoodAttachPasses()
    {
        IpcMessage message = ReceivedAttach();
        Assert.That(NicProtocol.CheckAttach(message, out FramePoolLayout layout), Is.EqualTo(SyscallError.None));
        Assert.That(layout.RingCapacity, Is.EqualTo(64));
        Assert.That(layout.BufferCount, Is.EqualTo(160));
        Assert.That(NicProtocol.Check(message, out NicRequest request), Is.EqualTo(SyscallError.None));
        Assert.That(request, Is.EqualTo(NicRequest.Attach));
    }

    [Test]
    public void BadAttachesAreRefused()
    {
        IpcMessage m = ReceivedAttach();
        m.Word0 = FramePoolLayout.Version + 1;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.NotSupported), "another version");
        m = ReceivedAttach();
        m.Word1 = 1UL << 40;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "a huge capacity");
        m = ReceivedAttach();
        m.Word3 = 100;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "tiny buffers");
        m = ReceivedAttach();
        m.GrantedAddress = 0;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "no grant");
        m = ReceivedAttach();
        m.GrantLength -= 4096;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "a grant shorter than the geometry says");
        m = ReceivedAttach();
        m.Flags = IpcFlags.None;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "read-only");
        m = ReceivedAttach();
        m.Handle = 0;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "no port to notify");
        m = ReceivedAttach();
        m.BufferLength = 10;
        Assert.That(NicProtocol.CheckAttach(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "bytes as well");
    }

    [Test]
    public void PlainRequestsCarryNothingElse()
    {
        var m = new IpcMessage { Tag = (ulong)NicRequest.LinkStatus };
        Assert.That(NicProtocol.Check(m, out NicRequest request), Is.EqualTo(SyscallError.None));
        Assert.That(request, Is.EqualTo(NicRequest.LinkStatus));
        m.Word2 = 1;
        Assert.That(NicProtocol.Check(m, out _), Is.EqualTo(SyscallError.InvalidArgument));
        m = new IpcMessage { Tag = (ulong)NicRequest.MacAddress, Handle = 5 };
        Assert.That(NicProtocol.Check(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "a stray handle");
        m = new IpcMessage { Tag = (ulong)NicRequest.Detach, GrantedAddress = 0x1000 };
        Assert.That(NicProtocol.Check(m, out _), Is.EqualTo(SyscallError.InvalidArgument), "a stray grant");
        m = new IpcMessage { Tag = 99 };
        Assert.That(NicProtocol.Check(m, out _), Is.EqualTo(SyscallError.NotSupported));
        m = new IpcMessage { Tag = 0 };
        Assert.That(NicProtocol.Check(m, out _), Is.EqualTo(SyscallError.NotSupported));
    }

    [Test]
    public void MacsPrintInWireOrder()
    {
        Assert.That(NicProtocol.FormatMac(0x5634_1200_5452), Is.EqualTo("52:54:00:12:34:56"));
        ShortMessage reply = NicProtocol.Reply(SyscallError.Busy, 1, 2, 3);
        Assert.That(reply.Tag, Is.EqualTo((ulong)SyscallError.Busy));
        Assert.That(reply.Word2, Is.EqualTo(3UL));
    }

    [Test]
    public unsafe void AKeyedDriverTakesAttachAndDetachOnlyWithItsKey()
    {
        const ulong Key = 0x1234_5678_9ABC_DEF1;
        ulong right = Key, wrong = Key ^ 1;
        IpcMessage forged = ReceivedAttach();
        Assert.That(NicProtocol.CheckAttach(forged, out _), Is.EqualTo(SyscallError.None), "the forgery has the right shape");
        Assert.That(NicProtocol.CheckKey(forged, Key), Is.EqualTo(SyscallError.Denied), "no key");
        forged.BufferAddress = (ulong)&wrong;
        forged.BufferLength = NicProtocol.KeyLength;
        Assert.That(NicProtocol.CheckKey(forged, Key), Is.EqualTo(SyscallError.Denied), "a wrong key");
        IpcMessage rightful = ReceivedAttach();
        rightful.BufferAddress = (ulong)&right;
        rightful.BufferLength = NicProtocol.KeyLength;
        Assert.That(NicProtocol.CheckAttach(rightful, out _), Is.EqualTo(SyscallError.None));
        Assert.That(NicProtocol.CheckKey(rightful, Key), Is.EqualTo(SyscallError.None));
        rightful.BufferLength = 4;
        Assert.That(NicProtocol.CheckKey(rightful, Key), Is.EqualTo(SyscallError.Denied), "a cut key");

        var detach = new IpcMessage { Tag = (ulong)NicRequest.Detach };
        Assert.That(NicProtocol.Check(detach, out _), Is.EqualTo(SyscallError.None));
        Assert.That(NicProtocol.CheckKey(detach, Key), Is.EqualTo(SyscallError.Denied), "a Detach from anyone");
        detach.BufferAddress = (ulong)&right;
        detach.BufferLength = NicProtocol.KeyLength;
        Assert.That(NicProtocol.Check(detach, out _), Is.EqualTo(SyscallError.None));
        Assert.That(NicProtocol.CheckKey(detach, Key), Is.EqualTo(SyscallError.None));

        // A driver started without a key (the driver-only test manifest) takes any client.
        Assert.That(NicProtocol.CheckKey(ReceivedAttach(), 0), Is.EqualTo(SyscallError.None));
        Assert.That(NicProtocol.CheckKey(forged, 0), Is.EqualTo(SyscallError.None));
    }

    [Test]
    public void TheKeyIsReadFromTheCommandLine()
    {
        Assert.That(NicProtocol.KeyArgument("key=42"), Is.EqualTo(42UL));
        Assert.That(NicProtocol.KeyArgument("static=10.0.0.2/24 key=18446744073709551615 dns=1.1.1.1"), Is.EqualTo(ulong.MaxValue));
        Assert.That(NicProtocol.KeyArgument(""), Is.EqualTo(0UL));
        Assert.That(NicProtocol.KeyArgument(null), Is.EqualTo(0UL));
        Assert.That(NicProtocol.KeyArgument("key=x"), Is.EqualTo(0UL));
        Assert.That(NicProtocol.KeyArgument("monkey=5"), Is.EqualTo(0UL));
    }
}
