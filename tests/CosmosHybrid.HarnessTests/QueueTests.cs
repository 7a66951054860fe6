using System.Diagnostics;
using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>The bounded queue: the sender chooses between failing at once, waiting a while, or waiting for room.</summary>
public class QueueTests : HarnessTest
{
    private HostProcess _process;
    private long _port;

    [SetUp]
    public void CreatePort()
    {
        _process = Kernel.CreateProcess("queue");
        _port = _process.CreatePort();
    }

    [Test]
    public void SixteenMessagesFitThenSendFailsWithQueueFull()
    {
        Fill();
        var extra = new IpcMessage { Tag = 99 };
        Assert.That(_process.Send(_port, ref extra, 0), Is.EqualTo(Failed(SyscallError.QueueFull)));

        for (ulong i = 0; i < InProcessKernel.QueueCapacity; i++)
        {
            var message = default(IpcMessage);
            Assert.That(_process.Receive(_port, ref message, 0), Is.Zero);
            Assert.That(message.Word0, Is.EqualTo(i), "first in, first out");
        }
        var none = default(IpcMessage);
        Assert.That(_process.Receive(_port, ref none, 0), Is.EqualTo(Failed(SyscallError.TimedOut)));
    }

    [Test]
    public void TimedSendGivesUpWithQueueFull()
    {
        Fill();
        Task<long> send = _process.StartThread(p =>
        {
            var stopwatch = Stopwatch.StartNew();
            var message = new IpcMessage { Tag = 2 };
            long result = p.Send(_port, ref message, 150);
            // The time waited when it failed as expected, the unexpected result otherwise.
            return result == Failed(SyscallError.QueueFull) ? stopwatch.ElapsedMilliseconds : result;
        });
        Assert.That(Within(send, "a timed send"), Is.GreaterThanOrEqualTo(145), "QueueFull after waiting for the time-out");
    }

    [Test]
    public void TimedSendSucceedsWhenRoomIsMade()
    {
        Fill();
        Task<long> sender = _process.StartThread(p =>
        {
            var message = new IpcMessage { Word0 = 100 };
            return p.Send(_port, ref message, (long)Patience.TotalMilliseconds);
        });
        AssertStillBlocked(sender, "a timed send to a full queue");
        var first = default(IpcMessage);
        Assert.That(_process.Receive(_port, ref first, 0), Is.Zero);
        Assert.That(Within(sender, "the timed sender"), Is.Zero);

        var message = default(IpcMessage);
        for (int i = 0; i < InProcessKernel.QueueCapacity; i++)
            Assert.That(_process.Receive(_port, ref message, 0), Is.Zero);
        Assert.That(message.Word0, Is.EqualTo(100UL), "the waiting sender's message came last");
    }

    [Test]
    public void ReceiveTimesOut()
    {
        var message = default(IpcMessage);
        Assert.That(_process.Receive(_port, ref message, 0), Is.EqualTo(Failed(SyscallError.TimedOut)));
        Task<long> receive = _process.StartThread(p =>
        {
            var stopwatch = Stopwatch.StartNew();
            var nothing = default(IpcMessage);
            long result = p.Receive(_port, ref nothing, 120);
            return result == Failed(SyscallError.TimedOut) ? stopwatch.ElapsedMilliseconds : result;
        });
        Assert.That(Within(receive, "a timed receive"), Is.GreaterThanOrEqualTo(115));
    }

    [Test]
    public void WaitingReceiverGetsTheNextMessage()
    {
        Task<long> receiver = _process.StartThread(p =>
        {
            var message = default(IpcMessage);
            long result = p.Receive(_port, ref message, -1);
            return result == 0 ? (long)message.Word1 : result;
        });
        AssertStillBlocked(receiver, "a receive on an empty port");
        var sent = new IpcMessage { Tag = 1, Word1 = 77 };
        Assert.That(_process.Send(_port, ref sent, 0), Is.Zero);
        Assert.That(Within(receiver, "the receiver"), Is.EqualTo(77));
    }

    private void Fill()
    {
        for (ulong i = 0; i < InProcessKernel.QueueCapacity; i++)
        {
            var message = new IpcMessage { Tag = 1, Word0 = i };
            Assert.That(_process.Send(_port, ref message, 0), Is.Zero);
        }
    }
}
