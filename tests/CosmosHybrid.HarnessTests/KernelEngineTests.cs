using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>
/// Kernel behaviours the harness's former copy of the port code did not have, now that it
/// runs the kernel's engine (CosmosHybrid/Ipc/PortEngine*.cs).
/// </summary>
public unsafe class KernelEngineTests : HarnessTest
{
    private HostProcess _server;
    private HostProcess _client;
    private long _port;
    private long _clientSend;

    [SetUp]
    public void CreatePorts()
    {
        _server = Kernel.CreateProcess("server");
        _client = Kernel.CreateProcess("client");
        _port = _server.CreatePort();
        Assert.That(_server.Register("service", _port), Is.Zero);
        _clientSend = _client.Lookup("service");
    }

    [Test]
    public void CallBytesAreCopiedFromTheWaitingCallerAtDelivery()
    {
        // A send's bytes are copied when it is sent; a call's stay in the caller's memory
        // (the caller waits) and are copied once, straight into the server, when it receives.
        byte* bytes = (byte*)_client.MapMemory(1);
        bytes[0] = 1;
        var request = new IpcMessage { Tag = 7, BufferAddress = (ulong)bytes, BufferLength = 1 };
        var reply = default(IpcMessage);
        Task<long> call = _client.StartThread(p => p.CallEx(_clientSend, ref request, ref reply));
        AssertStillBlocked(call, "a call nobody has received yet");
        bytes[0] = 2; // another thread of the caller's process writes the buffer meanwhile

        byte* received = (byte*)_server.MapMemory(1);
        var message = new IpcMessage { BufferAddress = (ulong)received, BufferLength = 16 };
        Assert.That(_server.Receive(_port, ref message, 0), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(7UL));
        Assert.That(message.BufferLength, Is.EqualTo(1UL));
        Assert.That(received[0], Is.EqualTo(2), "copied at delivery, not when the call was made");

        var answer = new IpcMessage { Tag = 8 };
        Assert.That(_server.ReplyEx(ref answer), Is.Zero);
        Assert.That(Within(call, "the call"), Is.Zero);
        Assert.That(reply.Tag, Is.EqualTo(8UL));
    }

    [Test]
    public void HandleInTheMessageOfASenderKilledWhileWaitingForRoomIsClosed()
    {
        // The server hands the client the only receive handle of a port it keeps watching.
        long inbox = _client.CreatePort();
        Assert.That(_client.Register("inbox", inbox), Is.Zero);
        long toInbox = _server.Lookup("inbox");
        long watched = _server.CreatePort();
        long observer = _server.Duplicate(watched, HandleRights.Send);
        var gift = new IpcMessage { Tag = 1, Handle = watched };
        Assert.That(_server.Send(toInbox, ref gift, 0), Is.Zero);
        var unwrapped = default(IpcMessage);
        Assert.That(_client.Receive(inbox, ref unwrapped, 0), Is.Zero);
        long passed = unwrapped.Handle;
        Assert.That(passed, Is.Not.Zero);

        // The client tries to send it on through a full queue, and dies waiting.
        for (int i = 0; i < InProcessKernel.QueueCapacity; i++)
        {
            var filler = new IpcMessage { Tag = 2 };
            Assert.That(_client.Send(_clientSend, ref filler, 0), Is.Zero);
        }
        Task<long> sender = _client.StartThread(p =>
        {
            var message = new IpcMessage { Tag = 3, Handle = passed };
            return p.Send(_clientSend, ref message, -1);
        });
        AssertStillBlocked(sender, "a send to a full queue");
        var probe = new IpcMessage { Tag = 4 };
        Assert.That(_server.Send(observer, ref probe, 0), Is.Zero, "the handle is in the waiting message, not closed");

        Assert.That(Kernel.Kill(_client), Is.True);
        AssertCanceledWithin(sender, "the killed sender");
        Assert.That(_server.Send(observer, ref probe, 0), Is.EqualTo(Failed(SyscallError.PeerClosed)),
            "the handle in the killed sender's message was closed, not lost");
    }

    [Test]
    public void CallOfAKilledCallerArrivesWithoutItsBytesOrGrant()
    {
        // The caller's memory is gone: its queued call is still received, but nothing is
        // copied from it or lent out of it (its grant ended when it died).
        ulong memory = _client.MapMemory(2);
        var request = new IpcMessage { Tag = 9, BufferAddress = memory, BufferLength = 8, GrantAddress = memory, GrantLength = 2 * 4096 };
        var reply = default(IpcMessage);
        Task<long> call = _client.StartThread(p => p.CallEx(_clientSend, ref request, ref reply));
        AssertStillBlocked(call, "a call nobody has received yet");
        Assert.That(Kernel.Kill(_client), Is.True);
        AssertCanceledWithin(call, "the killed caller");

        byte* received = (byte*)_server.MapMemory(1);
        var message = new IpcMessage { BufferAddress = (ulong)received, BufferLength = 16 };
        Assert.That(_server.Receive(_port, ref message, 0), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(9UL));
        Assert.That(message.BufferLength, Is.Zero);
        Assert.That(message.GrantedAddress, Is.Zero);
        var answer = new IpcMessage { Tag = 10 };
        Assert.That(_server.ReplyEx(ref answer), Is.Zero, "the reply has nobody to go to, and that is no error");
    }

    [Test]
    public void ACallTheServerLeftUnansweredFailsWhenItTakesTheNextOne()
    {
        // A server thread serves one call at a time. If it takes the next call without answering
        // the last (its reply failed), the first caller can never be answered: it fails at once
        // instead of waiting for ever (found by the fault campaign into net and ui).
        var first = new IpcMessage { Tag = 11 };
        var firstReply = default(IpcMessage);
        Task<long> firstCall = _client.StartThread(p => p.CallEx(_clientSend, ref first, ref firstReply));
        var message = default(IpcMessage);
        Assert.That(_server.Receive(_port, ref message, -1), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(11UL));

        var second = new IpcMessage { Tag = 12 };
        var secondReply = default(IpcMessage);
        Task<long> secondCall = _client.StartThread(p => p.CallEx(_clientSend, ref second, ref secondReply));
        AssertStillBlocked(firstCall, "a call being served");
        Assert.That(_server.Receive(_port, ref message, -1), Is.Zero);
        Assert.That(message.Tag, Is.EqualTo(12UL));
        Assert.That(Within(firstCall, "the abandoned call"), Is.EqualTo(Failed(SyscallError.PeerClosed)));

        var answer = new IpcMessage { Tag = 13 };
        Assert.That(_server.ReplyEx(ref answer), Is.Zero);
        Assert.That(Within(secondCall, "the served call"), Is.Zero);
        Assert.That(secondReply.Tag, Is.EqualTo(13UL));
    }
}
