using System.Linq;
using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>What a receiver gets: buffers copied and truncated, handles moved, the short part only in register mode.</summary>
public unsafe class MessageDeliveryTests : HarnessTest
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
        _server.Register("server", _port);
        _clientSend = _client.Lookup("server");
    }

    [Test]
    public void ReceivedBytesAreTruncatedToTheReceiversCapacity()
    {
        byte[] sent = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        byte[] small = new byte[10];
        fixed (byte* source = sent)
        fixed (byte* destination = small)
        {
            var message = new IpcMessage { Tag = 1, BufferAddress = (ulong)source, BufferLength = 300 };
            Assert.That(_client.Send(_clientSend, ref message, 0), Is.Zero);
            sent[0] = 0xFF; // copied at send time: later changes do not travel

            var received = new IpcMessage { BufferAddress = (ulong)destination, BufferLength = 10 };
            Assert.That(_server.Receive(_port, ref received, 0), Is.Zero);
            Assert.That(received.BufferLength, Is.EqualTo(10UL));
            Assert.That(received.BufferAddress, Is.EqualTo((ulong)destination));
        }
        Assert.That(small, Is.EqualTo(Enumerable.Range(0, 10).Select(i => (byte)i).ToArray()));
    }

    [Test]
    public void SentHandleMovesToTheReceiver()
    {
        long inbox = _client.CreatePort();
        var message = new IpcMessage { Tag = 1, Handle = inbox };
        Assert.That(_client.Send(_clientSend, ref message, 0), Is.Zero);
        Assert.That(_client.Close(inbox), Is.EqualTo(Failed(SyscallError.BadHandle)), "no longer the sender's");

        var received = default(IpcMessage);
        Assert.That(_server.Receive(_port, ref received, 0), Is.Zero);
        Assert.That(received.Handle, Is.EqualTo(2));
        var note = new IpcMessage { Tag = 2 };
        Assert.That(_server.Send(received.Handle, ref note, 0), Is.Zero);
        Assert.That(_server.Receive(received.Handle, ref note, 0), Is.Zero, "with all its rights");
    }

    [Test]
    public void HandleOfAFailedSendStaysWithTheSender()
    {
        for (int i = 0; i < InProcessKernel.QueueCapacity; i++)
        {
            var filler = new IpcMessage { Tag = 1 };
            Assert.That(_client.Send(_clientSend, ref filler, 0), Is.Zero);
        }
        long inbox = _client.CreatePort();
        var message = new IpcMessage { Tag = 1, Handle = inbox };
        Assert.That(_client.Send(_clientSend, ref message, 0), Is.EqualTo(Failed(SyscallError.QueueFull)));
        var probe = new IpcMessage { Tag = 3 };
        Assert.That(_client.Send(inbox, ref probe, 0), Is.Zero, "back in its slot");
    }

    [Test]
    public void RegisterModeReceiverGetsTheShortPartOnlyAndAPassedHandleIsClosed()
    {
        long passed = _client.CreatePort();
        long observer = _client.Duplicate(passed, HandleRights.Send);
        byte[] bytes = new byte[64];
        byte[] replyBytes = new byte[64];
        var request = new IpcMessage { Tag = 5, Word0 = 1, Word3 = 4, Handle = passed };
        var reply = default(IpcMessage);
        Task<long> call;
        fixed (byte* source = bytes)
        fixed (byte* destination = replyBytes)
        {
            request.BufferAddress = (ulong)source;
            request.BufferLength = 64;
            reply.BufferAddress = (ulong)destination;
            reply.BufferLength = 64;
            call = _client.StartThread(p => p.CallEx(_clientSend, ref request, ref reply));

            var served = default(ShortMessage);
            Assert.That(Within(_server.StartThread(p => p.ReplyWait(_port, ref served)), "the server's receive"), Is.Zero);
            Assert.That(served, Is.EqualTo(new ShortMessage(5, 1, 0, 0, 4)));

            var probe = new IpcMessage { Tag = 1 };
            Assert.That(_client.Send(observer, ref probe, 0), Is.EqualTo(Failed(SyscallError.PeerClosed)),
                "the passed handle (the port's only receive handle) was closed on delivery");

            // The same thread context answers: ReplyEx works for a call received in register mode.
            var answer = new IpcMessage { Tag = 6, Word0 = 60 };
            Assert.That(Within(_server.StartThread(p => p.ReplyEx(ref answer))), Is.EqualTo(Failed(SyscallError.InvalidArgument)),
                "a different thread serves nothing");
            Assert.That(_server.Close(_port), Is.Zero);
            AssertStillBlocked(call, "a call being served is not failed by closing the port");
            Assert.That(Kernel.Kill(_server), Is.True);
            Assert.That(Within(call, "the served caller"), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        }
    }

    [Test]
    public void CallExReplyFromARegisterModeServerCarriesNoBytes()
    {
        byte[] replyBytes = new byte[16];
        fixed (byte* destination = replyBytes)
        {
            var request = new IpcMessage { Tag = 1, Word0 = 10 };
            var reply = new IpcMessage { BufferAddress = (ulong)destination, BufferLength = 16, Handle = 33, GrantedAddress = 7 };
            Task<long> server = _server.StartThread(p =>
            {
                var message = default(ShortMessage);
                p.ReplyWait(_port, ref message);
                message.Word0 += 1;
                return p.ReplyWait(_port, ref message); // answers, then waits until the port closes
            });
            Assert.That(Within(_client.StartThread(p => p.CallEx(_clientSend, ref request, ref reply))), Is.Zero);
            Assert.That(reply.Tag, Is.EqualTo(1UL));
            Assert.That(reply.Word0, Is.EqualTo(11UL));
            Assert.That(reply.BufferLength, Is.Zero);
            Assert.That(reply.BufferAddress, Is.EqualTo((ulong)destination));
            Assert.That(reply.Handle, Is.Zero, "the reply replaces the whole message");
            Assert.That(reply.GrantedAddress, Is.Zero);
            Assert.That(_server.Close(_port), Is.Zero);
            Assert.That(Within(server), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        }
    }

    [Test]
    public void ReplyExWithoutACallIsInvalid()
    {
        var reply = new IpcMessage { Tag = 1 };
        Assert.That(_server.ReplyEx(ref reply), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        reply.BufferLength = IpcMessage.MaxCopyBytes + 1;
        Assert.That(_server.ReplyEx(ref reply), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
    }

    [Test]
    public void ServingStateBelongsToTheThreadThatReceivedTheCall()
    {
        var served = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayAnswer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<long> server = _server.StartThread(p =>
        {
            var message = default(ShortMessage);
            p.ReplyWait(_port, ref message);
            served.SetResult(true);
            mayAnswer.Task.Wait(Patience);
            message.Word0 *= 2;
            var reply = new IpcMessage { Tag = message.Tag, Word0 = message.Word0 };
            return p.ReplyEx(ref reply);
        });
        var call = new ShortMessage(1, 21);
        Task<long> caller = _client.StartThread(p => p.Call(_clientSend, ref call));
        Assert.That(Within(served.Task), Is.True);

        var other = new IpcMessage { Tag = 9 };
        Assert.That(_server.ReplyEx(ref other), Is.EqualTo(Failed(SyscallError.InvalidArgument)), "the test thread serves nothing");
        AssertStillBlocked(caller, "the caller, until its server answers");
        mayAnswer.SetResult(true);
        Assert.That(Within(server), Is.Zero);
        Assert.That(Within(caller), Is.Zero);
        Assert.That(call, Is.EqualTo(new ShortMessage(1, 42)), "ReplyEx answers a register-mode call with its short part");
    }
}
