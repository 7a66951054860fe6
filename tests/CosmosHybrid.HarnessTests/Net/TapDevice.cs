using System;
using System.Runtime.InteropServices;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>A Linux TAP device opened through /dev/net/tun (IFF_TAP | IFF_NO_PI): whole Ethernet frames, no prefix.</summary>
internal sealed class TapDevice : IDisposable
{
    private const uint TunSetIff = 0x400454CA;
    private const short IffTap = 0x0002;
    private const short IffNoPi = 0x1000;
    private const int ReadWrite = 2;
    private const int NonBlocking = 0x800;
    private const short PollIn = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)] private static extern int open(string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int ioctl(int fd, uint request, byte[] argument);
    [DllImport("libc", SetLastError = true)] private static extern nint read(int fd, byte[] buffer, nint count);
    [DllImport("libc", SetLastError = true)] private static extern nint write(int fd, byte[] buffer, nint count);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int poll(ref PollFd fds, nuint count, int timeout);

    private readonly int _fd;
    private readonly byte[] _writeBuffer = new byte[2048];

    public string Name { get; }

    public TapDevice(string name)
    {
        _fd = open("/dev/net/tun", ReadWrite | NonBlocking);
        if (_fd < 0)
            throw new InvalidOperationException("open /dev/net/tun failed: errno " + Marshal.GetLastWin32Error());
        var request = new byte[40];
        System.Text.Encoding.ASCII.GetBytes(name).CopyTo(request, 0);
        BitConverter.GetBytes((short)(IffTap | IffNoPi)).CopyTo(request, 16);
        if (ioctl(_fd, TunSetIff, request) < 0)
        {
            close(_fd);
            throw new InvalidOperationException("TUNSETIFF failed: errno " + Marshal.GetLastWin32Error());
        }
        Name = name;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a frame; returns its length or 0.</summary>
    public int Read(byte[] buffer, int timeoutMs)
    {
        var descriptor = new PollFd { Fd = _fd, Events = PollIn };
        if (poll(ref descriptor, 1, timeoutMs) <= 0)
            return 0;
        long length = read(_fd, buffer, buffer.Length);
        return length > 0 ? (int)length : 0;
    }

    public void Write(ReadOnlySpan<byte> frame)
    {
        frame.CopyTo(_writeBuffer);
        write(_fd, _writeBuffer, frame.Length);
    }

    public void Dispose() => close(_fd);
}
