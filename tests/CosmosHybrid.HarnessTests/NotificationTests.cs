using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>Notification bits: OR-ed on the port, delivered ahead of queued messages, no queue slot used.</summary>
public class NotificationTests : HarnessTest
{
    private HostProcess _process;
    private long _port;

    [SetUp]
    public void CreatePort()
    {
        _process = Kernel.CreateProcess("notified");
        _port = _process.CreatePort();
    }

    [Test]
    public void NotificationsAreDeliveredBeforeQueuedMessages()
    {
        for (ulong i = 1; i <= 2; i++)
        {
            var message = new IpcMessage { Tag = i };
            Assert.That(_process.Send(_port, ref message, 0), Is.Zero);
        }
        Assert.That(_process.Notify(_port, 0b001), Is.Zero);
        Assert.That(_process.Notify(_port, 0b100), Is.Zero);

        var received = default(IpcMessage);
        Assert.That(_process.Receive(_port, ref received, 0), Is.Zero);
        Assert.That(received.Tag, Is.EqualTo(IpcMessage.NotificationTag));
        Assert.That(received.Word0, Is.EqualTo(0b101UL), "bits accumulate until received");
        Assert.That(_process.Receive(_port, ref received, 0), Is.Zero);
        Assert.That(received.Tag, Is.EqualTo(1UL));
        Assert.That(_process.Receive(_port, ref received, 0), Is.Zero);
        Assert.That(received.Tag, Is.EqualTo(2UL));
        Assert.That(_process.Receive(_port, ref received, 0), Is.EqualTo(Failed(SyscallError.TimedOut)));
    }

    [Test]
    public void NotifyWakesAWaitingReceiver()
    {
        Task<long> receiver = _process.StartThread(p =>
        {
            var message = default(IpcMessage);
            long result = p.Receive(_port, ref message, -1);
            return result == 0 && message.Tag == IpcMessage.NotificationTag ? (long)message.Word0 : -100;
        });
        AssertStillBlocked(receiver, "a receive on an empty port");
        Assert.That(_process.Notify(_port, 0x40), Is.Zero);
        Assert.That(Within(receiver, "the notified receiver"), Is.EqualTo(0x40));
    }

    [Test]
    public void RegisterModeReceiverGetsNotificationsToo()
    {
        Assert.That(_process.Notify(_port, 3), Is.Zero);
        var message = default(ShortMessage);
        Assert.That(Within(_process.StartThread(p => p.ReplyWait(_port, ref message))), Is.Zero);
        Assert.That(message, Is.EqualTo(new ShortMessage(IpcMessage.NotificationTag, 3)));
    }

    [Test]
    public void NotificationsNeedNoQueueSlot()
    {
        for (int i = 0; i < InProcessKernel.QueueCapacity; i++)
        {
            var message = new IpcMessage { Tag = 1 };
            Assert.That(_process.Send(_port, ref message, 0), Is.Zero);
        }
        Assert.That(_process.Notify(_port, 1), Is.Zero, "a full queue does not stop a notification");
        var received = default(IpcMessage);
        Assert.That(_process.Receive(_port, ref received, 0), Is.Zero);
        Assert.That(received.Tag, Is.EqualTo(IpcMessage.NotificationTag));
    }

    [Test]
    public void NotifyWithoutBitsWakesNobody()
    {
        // As in the kernel (the same engine): no bits, nothing to deliver, so nobody is woken.
        Task<long> receiver = _process.StartThread(p =>
        {
            var message = default(IpcMessage);
            return p.Receive(_port, ref message, -1);
        });
        AssertStillBlocked(receiver, "a receive on an empty port");
        Assert.That(_process.Notify(_port, 0), Is.Zero);
        AssertStillBlocked(receiver, "a receive after a notification without bits");
    }
}
