using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>
/// The protocol core against Linux's own stack (<see cref="TapNamespaceTests"/>), driven straight
/// through <see cref="NetworkHost"/>'s TCP and UDP: the socket layer and Linux's tools are in
/// <see cref="LinuxToolTests"/>.
/// </summary>
[NonParallelizable]
public class LinuxPeerTests : TapNamespaceTests
{
    [SetUp]
    public void WriteScripts()
    {
        _scripts = Path.Combine(Path.GetTempPath(), "chnet-scripts-" + Environment.ProcessId);
        Directory.CreateDirectory(_scripts);
        File.WriteAllText(Path.Combine(_scripts, "echo_client.py"), EchoClientScript);
        File.WriteAllText(Path.Combine(_scripts, "sink_server.py"), SinkServerScript);
    }

    [TearDown]
    public void DeleteScripts()
    {
        if (_scripts != null && Directory.Exists(_scripts))
            Directory.Delete(_scripts, true);
    }

    private string _scripts;

    private string Python(string script, string arguments, int timeoutMs = 120_000)
        => _namespace.Exec("/usr/bin/python3 " + Path.Combine(_scripts, script) + " " + arguments, timeoutMs);

    // The service's UDP side for one bound port: its ICMP errors go to the socket's UdpPeerError.
    private sealed class OneUdpSocket : IUdpHandler
    {
        public readonly ushort Port;
        public readonly UdpPeerError Error = new UdpPeerError();

        public OneUdpSocket(ushort port) => Port = port;

        public bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now)
            => destinationPort == Port;

        public void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now)
        {
            if (localPort == Port)
                Error.OnUnreachable(remote.Value, remotePort, code);
        }
    }

    [Test]
    public void LinuxsPortUnreachableReachesTheUdpSocketThatSent()
    {
        // A datagram to a port nobody listens on in the namespace: Linux answers ICMP port unreachable.
        var socket = new OneUdpSocket(40000);
        Ipv4Address.TryParse(Theirs, out Ipv4Address peer);
        var clock = Stopwatch.StartNew();
        NetStatus error = NetStatus.Ok;
        while (error == NetStatus.Ok && clock.ElapsedMilliseconds < 10_000)
        {
            lock (_stack.Lock)
            {
                _stack.Host.Udp = socket;
                socket.Error.OnSent(peer.Value, 9);
                _stack.Host.SendUdp(40000, peer, 9, new byte[] { 1, 2, 3 }, _stack.Now);
            }
            Thread.Sleep(300);
            lock (_stack.Lock)
                error = socket.Error.Take();
        }
        Assert.That(error, Is.EqualTo(NetStatus.ConnectionRefused));
    }

    [Test]
    public void LinuxPingsTheStack()
    {
        // Linux's own ping (iputils): five echo requests, each answered by our ICMP.
        string output = _namespace.Exec("ping -c 5 -i 0.2 -W 2 10.99.0.2");
        TestContext.Out.WriteLine(output);
        Assert.That(output, Does.Contain("5 packets transmitted, 5 received"));
    }

    [Test]
    public void LinuxTcpClientGetsItsBytesEchoed([Values(0.0, 0.05)] double loss)
    {
        lock (_stack.Lock)
        {
            // netem's "loss 5% delay 20ms reorder 10%", applied by the harness in both directions.
            _stack.Loss = loss;
            _stack.DelayMs = loss > 0 ? 20 : 0;
            _stack.Reorder = loss > 0 ? 0.1 : 0;
        }
        var listener = new TcpListenQueue(Ipv4Address.Any, 7, 8, _stack.Host.Statistics);
        var connections = new List<TcpConnection>();
        var pending = new Dictionary<TcpConnection, Queue<byte>>();
        var buffer = new byte[16384];
        lock (_stack.Lock)
        {
            _stack.Host.Tcp.Listen(listener);
            _stack.Application = now =>
            {
                TcpConnection accepted;
                while ((accepted = listener.Accept()) != null)
                {
                    connections.Add(accepted);
                    pending[accepted] = new Queue<byte>();
                }
                foreach (var connection in connections)
                {
                    var queue = pending[connection];
                    if (queue.Count < 65536)
                    {
                        int n = connection.Receive(buffer, now);
                        for (int i = 0; i < n; i++)
                            queue.Enqueue(buffer[i]);
                    }
                    int room = Math.Min(connection.SendSpace, Math.Min(queue.Count, buffer.Length));
                    if (room > 0)
                    {
                        for (int i = 0; i < room; i++)
                            buffer[i] = queue.Dequeue();
                        connection.Send(buffer.AsSpan(0, room), now);
                    }
                    if (connection.ReceiveFinished && queue.Count == 0 && connection.State == TcpState.CloseWait)
                        connection.Close(now);
                }
            };
        }
        int size = loss > 0 ? 1 << 20 : 16 << 20;
        var watch = Stopwatch.StartNew();
        string output = Python("echo_client.py", "10.99.0.2 7 " + size, 300_000);
        TestContext.Out.WriteLine(output + " in " + watch.ElapsedMilliseconds + " ms; retransmissions "
                                  + _stack.Host.Statistics.TcpRetransmits + ", frames dropped " + _stack.Dropped);
        Assert.That(output, Does.Contain("sent " + size + " got " + size + " ok"));
    }

    [Test]
    public void StackSendsToALinuxServer([Values(0.0, 0.05)] double loss)
    {
        lock (_stack.Lock)
        {
            _stack.Loss = loss;
            _stack.DelayMs = loss > 0 ? 20 : 0;
            _stack.Reorder = loss > 0 ? 0.1 : 0;
        }
        var server = Process.Start(new ProcessStartInfo("ip", "netns exec " + _namespace.Name + " /usr/bin/python3 " + Path.Combine(_scripts, "sink_server.py") + " 9000")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        Assert.That(server.StandardOutput.ReadLine(), Is.EqualTo("listening"));
        var data = new byte[loss > 0 ? 1 << 20 : 16 << 20];
        new Random(99).NextBytes(data);
        string expected = Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
        var reply = new List<byte>();
        int sent = 0;
        bool closed = false;
        TcpConnection connection;
        var buffer = new byte[4096];
        Ipv4Address.TryParse(Theirs, out var theirs);
        lock (_stack.Lock)
        {
            connection = _stack.Host.Tcp.Connect(Ours, 50000, theirs, 9000, _stack.Now);
            _stack.Application = now =>
            {
                if (connection.IsConnected && sent < data.Length)
                {
                    int n = connection.Send(data.AsSpan(sent, Math.Min(16384, data.Length - sent)), now);
                    if (n > 0)
                        sent += n;
                }
                if (sent == data.Length && !closed)
                {
                    connection.Close(now);
                    closed = true;
                }
                int r;
                while ((r = connection.Receive(buffer, now)) > 0)
                    for (int i = 0; i < r; i++)
                        reply.Add(buffer[i]);
            };
        }
        var watch = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            lock (_stack.Lock)
            {
                if (connection.ReceiveFinished || connection.State == TcpState.Closed)
                    break;
            }
            Thread.Sleep(20);
        }
        server.WaitForExit(10_000);
        string text;
        lock (_stack.Lock)
            text = System.Text.Encoding.ASCII.GetString(reply.ToArray());
        TestContext.Out.WriteLine("server said " + text + " after " + watch.ElapsedMilliseconds + " ms; state " + connection.State + " "
                                  + connection.Error + "; retransmissions " + connection.Retransmissions + " (" + connection.FastRetransmissions
                                  + " fast), frames dropped " + _stack.Dropped);
        Assert.That(text, Is.EqualTo(expected));
    }

    private const string EchoClientScript = @"
import socket, sys, threading, random
host, port, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = random.Random(42).randbytes(size)
s = socket.create_connection((host, port), timeout=60)
def sender():
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)
t = threading.Thread(target=sender)
t.start()
got = bytearray()
while True:
    b = s.recv(65536)
    if not b: break
    got += b
t.join()
print('sent', len(data), 'got', len(got), 'ok' if bytes(got) == data else 'MISMATCH')
";

    private const string SinkServerScript = @"
import socket, sys, hashlib
l = socket.socket()
l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(('0.0.0.0', int(sys.argv[1])))
l.listen(1)
l.settimeout(120)
print('listening', flush=True)
c, a = l.accept()
c.settimeout(120)
h = hashlib.sha256()
while True:
    b = c.recv(65536)
    if not b: break
    h.update(b)
c.sendall(h.hexdigest().encode())
c.close()
";
}
