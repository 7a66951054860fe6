using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>When nobody can receive any more, waiting senders and callers are told instead of blocking for ever.</summary>
public class PeerClosedTests : HarnessTest
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
    public void ClosingTheLastReceiveHandleFailsBlockedSendersAndCallers()
    {
        long secondReceiver = _server.Duplicate(_port, HandleRights.Receive);
        for (ulong i = 0; i < InProcessKernel.QueueCapacity; i++)
        {
            var message = new IpcMessage { Tag = 1, Word0 = i };
            Assert.That(_client.Send(_clientSend, ref message, 0), Is.Zero);
        }
        Task<long> sender = _client.StartThread(p =>
        {
            var message = new IpcMessage { Tag = 2 };
            return p.Send(_clientSend, ref message, -1);
        });
        Task<long> caller = _client.StartThread(p =>
        {
            var message = new ShortMessage(3);
            return p.Call(_clientSend, ref message);
        });
        AssertStillBlocked(sender, "a send to a full queue");
        AssertStillBlocked(caller, "a call to a full queue");

        Assert.That(_server.Close(_port), Is.Zero);
        AssertStillBlocked(sender, "a send while another receive handle is open");

        Assert.That(_server.Close(secondReceiver), Is.Zero);
        Assert.That(Within(sender, "the blocked sender"), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(Within(caller, "the blocked caller"), Is.EqualTo(Failed(SyscallError.PeerClosed)));

        var late = new IpcMessage { Tag = 4 };
        Assert.That(_client.Send(_clientSend, ref late, 0), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(_client.Send(_clientSend, ref late, -1), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(_client.Notify(_clientSend, 1), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(_client.Lookup("service"), Is.EqualTo(Failed(SyscallError.NotFound)), "the registry forgets a closed port");
    }

    [Test]
    public void ClosingTheLastReceiveHandleFailsQueuedCallsAndWaitingReceivers()
    {
        Task<long> caller = _client.StartThread(p =>
        {
            var message = new ShortMessage(1);
            return p.Call(_clientSend, ref message);
        });
        AssertStillBlocked(caller, "a queued call");
        Assert.That(_server.Close(_port), Is.Zero);
        Assert.That(Within(caller, "the queued caller"), Is.EqualTo(Failed(SyscallError.PeerClosed)));

        long port = _server.CreatePort();
        long closer = _server.Duplicate(port, HandleRights.All);
        Assert.That(_server.Close(port), Is.Zero);
        Task<long> receiver = _server.StartThread(p =>
        {
            var message = default(IpcMessage);
            return p.Receive(closer, ref message, -1);
        });
        AssertStillBlocked(receiver, "a receive on an empty port");
        Assert.That(_server.Close(closer), Is.Zero);
        Assert.That(Within(receiver, "the waiting receiver"), Is.EqualTo(Failed(SyscallError.PeerClosed)));
    }

    [Test]
    public void CallerWhoseServerIsKilledGetsPeerClosed()
    {
        var serving = new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously);
        HostProcess server = Kernel.Start("doomed", p =>
        {
            long port = p.CreatePort();
            p.Register("doomed", port);
            var message = default(ShortMessage);
            p.ReplyWait(port, ref message);
            serving.SetResult(message.Tag);
            // Never answers: waits on a port nobody sends to.
            long idle = p.CreatePort();
            var nothing = default(IpcMessage);
            return p.Receive(idle, ref nothing, -1);
        });
        long doomed = WithinLookup("doomed");
        Task<long> helper = server.StartThread(p =>
        {
            var nothing = default(IpcMessage);
            return p.Receive(p.CreatePort(), ref nothing, -1);
        });

        Task<long> served = _client.StartThread(p =>
        {
            var message = new ShortMessage(7);
            return p.Call(doomed, ref message);
        });
        Assert.That(Within(serving.Task, "the server receiving the call"), Is.EqualTo(7UL));
        Task<long> queued = _client.StartThread(p =>
        {
            var message = new ShortMessage(8);
            return p.Call(doomed, ref message);
        });
        AssertStillBlocked(served, "a call the server holds");
        AssertStillBlocked(queued, "a call waiting in the queue");

        Assert.That(Kernel.Kill(server), Is.True);
        Assert.That(Within(served, "the caller being served"), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(Within(queued, "the queued caller"), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(Within(server.Exited), Is.EqualTo(InProcessKernel.KilledStatus));
        Assert.That(server.State, Is.EqualTo(ProcessState.Killed));
        AssertCanceledWithin(helper, "the server's other thread");
        Assert.That(Kernel.Kill(server), Is.False, "already dead");
        Assert.That(_client.Lookup("doomed"), Is.EqualTo(Failed(SyscallError.NotFound)));
        Assert.Throws<ThreadTerminatedException>(() => server.CreatePort());
    }

    [Test]
    public void HandlePassedToAClosedPortComesBack()
    {
        long passed = _client.CreatePort();
        Assert.That(_server.Close(_port), Is.Zero);

        var request = new IpcMessage { Tag = 1, Handle = passed };
        var reply = default(IpcMessage);
        Assert.That(_client.CallEx(_clientSend, ref request, ref reply), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(_client.Send(_clientSend, ref request, 0), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(_client.HandleCount, Is.EqualTo(2), "the send handle and the passed handle");
        var message = new IpcMessage { Tag = 9 };
        Assert.That(_client.Send(passed, ref message, 0), Is.Zero, "the passed handle went back to the lowest free slot, its old value");
    }

    private long WithinLookup(string name)
    {
        // The server registers from its own thread: wait (bounded) until the name is there.
        long handle = Within(_client.StartThread(p =>
        {
            long found;
            while ((found = p.Lookup(name)) == Failed(SyscallError.NotFound))
                System.Threading.Thread.Sleep(1);
            return found;
        }), "the name " + name);
        Assert.That(handle, Is.Positive);
        return handle;
    }
}
