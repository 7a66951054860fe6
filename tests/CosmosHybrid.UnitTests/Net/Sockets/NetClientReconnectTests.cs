using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;
using CosmosHybrid.Services.Net.Sockets;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Sockets;

/// <summary>
/// The client across a restart of the net service: stateless calls go on with a new session,
/// sockets of the old session answer Aborted, and a service that never comes back gives
/// NoInterface after a bounded wait.
/// </summary>
public unsafe class NetClientReconnectTests
{
    private const long PeerClosed = -9;

    /// <summary>Time that moves only when the client pauses (a Receive with a time-out on its event port).</summary>
    private sealed class FakeClock : NetClient.IClock
    {
        public long NowMilliseconds { get; set; }
    }

    /// <summary>
    /// A net service that can die and be restarted: each incarnation has its own port handle,
    /// sessions and socket numbers (from 0, as a fresh service gives them).
    /// </summary>
    private sealed class RestartableService : IMessagePorts
    {
        private readonly FakeClock _clock;
        private long _nextHandle = 100;
        private long _livePort;            // the current incarnation's port handle; 0 while it is down
        private long _restartsAt = -1;     // when a dead service registers again (-1: never)
        private int _nextSocket;
        private ulong _session;
        public readonly HashSet<long> OpenHandles = new();
        public int Lookups;
        public int Sessions;

        public RestartableService(FakeClock clock)
        {
            _clock = clock;
            _livePort = 1;
        }

        public void Kill(long restartAfterMs)
        {
            _livePort = 0;
            _restartsAt = restartAfterMs < 0 ? -1 : _clock.NowMilliseconds + restartAfterMs;
        }

        private void RestartIfDue()
        {
            if (_livePort == 0 && _restartsAt >= 0 && _clock.NowMilliseconds >= _restartsAt)
            {
                _livePort = ++_nextHandle;
                _nextSocket = 0;
            }
        }

        public long Lookup(string name)
        {
            Lookups++;
            RestartIfDue();
            if (name != NetProtocol.PortName || _livePort == 0)
                return -1;
            long handle = ++_nextHandle;
            _portOf[handle] = _livePort;
            OpenHandles.Add(handle);
            return handle;
        }

        private readonly Dictionary<long, long> _portOf = new();

        public long CallEx(long handle, ref IpcMessage request, ref IpcMessage reply)
        {
            if (!_portOf.TryGetValue(handle, out long port))
                return -3; // a bad handle
            if (port != _livePort)
                return PeerClosed;
            var request_ = (NetRequest)request.Tag;
            if (request_ != NetRequest.Connect && (request.Word0 != _session || request.Word1 != 0xfeed + _session))
            {
                reply.Tag = (ulong)NetStatus.NotConnected;
                return 0;
            }
            reply.Tag = 0;
            switch (request_)
            {
                case NetRequest.Connect:
                    _session = (ulong)++Sessions;
                    reply.Word0 = _session;
                    reply.Word1 = 0xfeed + _session;
                    break;
                case NetRequest.TcpConnect:
                    reply.Word0 = (ulong)_nextSocket++;
                    break;
                case NetRequest.Status:
                    reply.Word0 = request.Word2 < (ulong)_nextSocket ? (ulong)NetSocketState.Connected : 0;
                    if (request.Word2 >= (ulong)_nextSocket)
                        reply.Tag = (ulong)NetStatus.BadSocket;
                    break;
                case NetRequest.TcpSend:
                    reply.Word0 = request.Word3;
                    break;
            }
            return 0;
        }

        public long Receive(long handle, ref IpcMessage message, long timeoutMs)
        {
            _clock.NowMilliseconds += timeoutMs; // nothing arrives: the pause lasts its time-out
            return -10;
        }

        public long CreatePort()
        {
            long handle = ++_nextHandle;
            OpenHandles.Add(handle);
            return handle;
        }

        public long Duplicate(long handle, HandleRights rights)
        {
            long copy = ++_nextHandle;
            OpenHandles.Add(copy);
            return copy;
        }

        public long Close(long handle) => OpenHandles.Remove(handle) ? 0 : -3;
        public long Send(long handle, ref IpcMessage message, long timeoutMs) => throw new System.NotSupportedException();
        public long Call(long handle, ref ShortMessage message) => throw new System.NotSupportedException();
        public long ReplyWait(long handle, ref ShortMessage message) => throw new System.NotSupportedException();
        public long ReplyEx(ref IpcMessage reply) => throw new System.NotSupportedException();
        public long CallerProcess() => throw new System.NotSupportedException();
        public long Notify(long handle, ulong bits) => throw new System.NotSupportedException();
        public long Register(string name, long handle) => throw new System.NotSupportedException();
    }

    private static (FakeClock, RestartableService, NetClient) Open()
    {
        var clock = new FakeClock();
        var service = new RestartableService(clock);
        Assert.That(NetClient.Open(service, clock, out NetClient client), Is.EqualTo(NetStatus.Ok));
        return (clock, service, client);
    }

    [Test]
    public void AStatelessCallAfterARestartOpensANewSessionAndSucceeds()
    {
        var (clock, service, client) = Open();
        service.Kill(restartAfterMs: 300);

        Assert.That(client.GetInterface(out _), Is.EqualTo(NetStatus.Ok));
        Assert.That(client.Reconnects, Is.EqualTo(1));
        Assert.That(service.Sessions, Is.EqualTo(2));
        Assert.That(clock.NowMilliseconds, Is.GreaterThanOrEqualTo(300).And.LessThan(1000));
    }

    [Test]
    public void ASocketOfTheOldSessionIsAbortedAndNeverMistakenForANewOne()
    {
        var (_, service, client) = Open();
        Assert.That(client.Connect(0x0a000202, 80, 1000, out int old), Is.EqualTo(NetStatus.Ok));
        service.Kill(restartAfterMs: 100);

        // The first call after the death reconnects; the socket it names died with the old session.
        Assert.That(client.GetStatus(old, out _, out _, out _, out _), Is.EqualTo(NetStatus.Aborted));
        Assert.That(client.Reconnects, Is.EqualTo(1));

        // The new service numbers its sockets from 0 again, as the old one did: the handles still differ.
        Assert.That(client.Connect(0x0a000202, 80, 1000, out int fresh), Is.EqualTo(NetStatus.Ok));
        Assert.That(fresh, Is.Not.EqualTo(old));
        byte* data = stackalloc byte[16];
        Assert.That(client.Send(old, data, 16, 1000), Is.EqualTo(-(long)NetStatus.Aborted));
        Assert.That(client.Receive(old, data, 16, 1000), Is.EqualTo(-(long)NetStatus.Aborted));
        Assert.That(client.Send(fresh, data, 16, 1000), Is.EqualTo(16));
        Assert.That(client.Close(old), Is.EqualTo(NetStatus.Ok), "closing a socket the restart ended needs nothing");
    }

    [Test]
    public void AServiceThatNeverComesBackGivesNoInterfaceAfterTheWait()
    {
        var (clock, service, client) = Open();
        service.Kill(restartAfterMs: -1);

        Assert.That(client.GetInterface(out _), Is.EqualTo(NetStatus.NoInterface));
        Assert.That(clock.NowMilliseconds, Is.GreaterThanOrEqualTo(NetClient.ReconnectWaitMilliseconds)
            .And.LessThan(NetClient.ReconnectWaitMilliseconds + 1000));
        Assert.That(client.Reconnects, Is.EqualTo(0));
    }

    [Test]
    public void DisposeOfAClientWhoseServiceDiedWaitsForNothingAndLetsEveryHandleGo()
    {
        var (clock, service, client) = Open();
        int lookups = service.Lookups;
        service.Kill(restartAfterMs: -1);

        client.Dispose();

        Assert.That(service.Lookups, Is.EqualTo(lookups), "no reconnection on the way out");
        Assert.That(clock.NowMilliseconds, Is.EqualTo(0));
        // What is left open is only the event port's send copy, which the service took at Connect.
        Assert.That(service.OpenHandles.Count, Is.EqualTo(1));
    }
}
