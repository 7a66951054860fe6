using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>No handle, no message: rights are checked on every operation.</summary>
public class HandleRightsTests : HarnessTest
{
    private HostProcess _process;
    private long _port;

    [SetUp]
    public void CreatePort()
    {
        _process = Kernel.CreateProcess("owner");
        _port = _process.CreatePort();
    }

    [Test]
    public void NewPortHandleHasEveryRightAndHandlesStartAtOne()
    {
        Assert.That(_port, Is.EqualTo(1));
        var message = new IpcMessage { Tag = 5 };
        Assert.That(_process.Send(_port, ref message, 0), Is.Zero);
        Assert.That(_process.Receive(_port, ref message, 0), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(5UL));
    }

    [Test]
    public void SendingWithoutTheSendRightIsRefused()
    {
        long receiveOnly = _process.Duplicate(_port, HandleRights.Receive | HandleRights.Transfer);
        var message = new IpcMessage { Tag = 1 };
        var reply = default(IpcMessage);
        var call = new ShortMessage(1);

        Assert.That(_process.Send(receiveOnly, ref message, 0), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.Call(receiveOnly, ref call), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.CallEx(receiveOnly, ref message, ref reply), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.Notify(receiveOnly, 1), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.Register("receive-only", receiveOnly), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.Receive(_port, ref message, 0), Is.EqualTo(Failed(SyscallError.TimedOut)), "nothing was queued");
    }

    [Test]
    public void ReceivingWithoutTheReceiveRightIsRefused()
    {
        long sendOnly = _process.Duplicate(_port, HandleRights.Send);
        var message = new IpcMessage { Tag = 1 };
        Assert.That(_process.Send(sendOnly, ref message, 0), Is.Zero);

        var short_ = default(ShortMessage);
        Assert.That(_process.Receive(sendOnly, ref message, 0), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.ReplyWait(sendOnly, ref short_), Is.EqualTo(Failed(SyscallError.NoRight)));
        Assert.That(_process.Receive(_port, ref message, 0), Is.Zero, "the message is still there for the receive handle");
    }

    [Test]
    public void DuplicateKeepsOnlyRightsItHas()
    {
        long sendOnly = _process.Duplicate(_port, HandleRights.Send);
        long widened = _process.Duplicate(sendOnly, HandleRights.All);
        var message = default(IpcMessage);
        Assert.That(widened, Is.Positive);
        Assert.That(_process.Receive(widened, ref message, 0), Is.EqualTo(Failed(SyscallError.NoRight)));

        long noTransfer = _process.Duplicate(_port, HandleRights.Send);
        var carrying = new IpcMessage { Handle = noTransfer };
        Assert.That(_process.Send(_port, ref carrying, 0), Is.EqualTo(Failed(SyscallError.NoRight)), "passing a handle needs its Transfer right");
        Assert.That(_process.Close(noTransfer), Is.Zero, "and the handle stays with the sender");
    }

    [Test]
    public void UnknownHandlesAreBadHandles()
    {
        var message = default(IpcMessage);
        Assert.That(_process.Send(0, ref message, 0), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(_process.Send(2, ref message, 0), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(_process.Send(InProcessKernel.HandleCapacity + 1, ref message, 0), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(_process.Receive(-1, ref message, 0), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(_process.Duplicate(9, HandleRights.All), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(_process.Close(_port), Is.Zero);
        Assert.That(_process.Close(_port), Is.EqualTo(Failed(SyscallError.BadHandle)));
    }

    [Test]
    public void HandlesBelongToTheirProcess()
    {
        HostProcess other = Kernel.CreateProcess("other");
        var message = default(IpcMessage);
        Assert.That(other.Send(_port, ref message, 0), Is.EqualTo(Failed(SyscallError.BadHandle)));
        Assert.That(other.CreatePort(), Is.EqualTo(1), "each process numbers its own handles");
    }

    [Test]
    public void HandleTableHoldsSixtyFourHandles()
    {
        for (int i = 1; i < InProcessKernel.HandleCapacity; i++)
            Assert.That(_process.CreatePort(), Is.EqualTo(i + 1));
        Assert.That(_process.HandleCount, Is.EqualTo(InProcessKernel.HandleCapacity));
        Assert.That(_process.CreatePort(), Is.EqualTo(Failed(SyscallError.TooManyHandles)));
        Assert.That(_process.Duplicate(_port, HandleRights.Send), Is.EqualTo(Failed(SyscallError.TooManyHandles)));
        Assert.That(_process.Register("full", _port), Is.Zero);
        Assert.That(_process.Lookup("full"), Is.EqualTo(Failed(SyscallError.TooManyHandles)));
    }
}
