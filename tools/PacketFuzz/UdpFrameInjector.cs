using System;
using System.Net;
using System.Net.Sockets;

namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>
/// The host's end of QEMU's `-netdev socket,udp=127.0.0.1:A,localaddr=127.0.0.1:B`: one UDP datagram
/// is one Ethernet frame each way. Frames go to B (QEMU), the guest's frames come back on A. Both
/// ends are on the loopback interface, so nothing leaves the machine.
/// </summary>
public sealed class UdpFrameInjector : IDisposable
{
    private readonly Socket _socket;
    private readonly EndPoint _qemu;
    private readonly byte[] _receive = new byte[65_536];

    /// <param name="localPort">The port to receive the guest's frames on; 0 for any free one.</param>
    public UdpFrameInjector(int qemuPort, int localPort = 0)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, localPort));
        _socket.ReceiveBufferSize = 1 << 20;
        _qemu = new IPEndPoint(IPAddress.Loopback, qemuPort);
    }

    /// <summary>The port QEMU sends the guest's frames to (its `udp=` address).</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint).Port;

    /// <summary>Sends one frame; an empty one is never sent (QEMU reads an empty datagram as the end of the connection).</summary>
    public void Send(ReadOnlySpan<byte> frame)
    {
        if (frame.Length > 0)
            _socket.SendTo(frame, SocketFlags.None, _qemu);
    }

    /// <summary>The next frame from the guest within <paramref name="timeout"/>, or an empty span.</summary>
    public ReadOnlySpan<byte> Receive(TimeSpan timeout)
    {
        if (!_socket.Poll(timeout, SelectMode.SelectRead))
            return ReadOnlySpan<byte>.Empty;
        int length = _socket.Receive(_receive);
        return _receive.AsSpan(0, length);
    }

    public void Dispose() => _socket.Dispose();
}
