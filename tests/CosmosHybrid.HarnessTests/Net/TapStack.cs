using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using CosmosHybrid.Services.Net.Protocols;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>
/// The protocol core on a TAP device: one thread reads frames, feeds the NetworkHost, runs its
/// timers and a per-iteration callback (the test's "application"), all under one lock. Frames in
/// both directions can pass an impairment (loss, delay, reordering from a fixed seed) standing in
/// for netem, which this machine's kernel lacks.
/// </summary>
internal sealed class TapStack : IFrameOutput, IDisposable
{
    private struct Held
    {
        public long At;
        public byte[] Frame;
        public bool Outgoing;
    }

    private readonly TapDevice _tap;
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Random _random = new Random(1206);
    private readonly List<Held> _held = new List<Held>();
    private volatile bool _stop;

    public readonly NetworkHost Host;
    public readonly object Lock = new object();
    public Action<long> Application;
    public Exception Failure;

    /// <summary>Frames handed to the host so far, and whether the last iteration's timers were due (read on the stack's thread).</summary>
    public long FramesDelivered;
    public bool TimersDue;

    public double Loss;
    public int DelayMs;
    public double Reorder;
    public int Dropped;

    public TapStack(TapDevice tap, MacAddress mac, IpConfiguration configuration)
    {
        _tap = tap;
        Host = new NetworkHost(mac, this, secret: 0x5EED);
        Host.Configure(configuration);
        _thread = new Thread(Loop) { IsBackground = true, Name = "tap stack" };
        _thread.Start();
    }

    public long Now => _clock.ElapsedMilliseconds;

    public void SendFrame(ReadOnlySpan<byte> frame)
    {
        if (!Impair(frame, outgoing: true))
            _tap.Write(frame);
    }

    /// <summary>True when the impairment took the frame (dropped or held for later).</summary>
    private bool Impair(ReadOnlySpan<byte> frame, bool outgoing)
    {
        if (Loss == 0 && DelayMs == 0)
            return false;
        if (_random.NextDouble() < Loss)
        {
            Dropped++;
            return true;
        }
        long at = Now + DelayMs + (_random.NextDouble() < Reorder ? _random.Next(1, 2 * DelayMs + 2) : 0);
        _held.Add(new Held { At = at, Frame = frame.ToArray(), Outgoing = outgoing });
        return true;
    }

    private void Loop()
    {
        var buffer = new byte[2048];
        try
        {
            while (!_stop)
            {
                int length = _tap.Read(buffer, 1);
                lock (Lock)
                {
                    long now = Now;
                    Host.Now = now;
                    if (length > 0 && !Impair(buffer.AsSpan(0, length), outgoing: false))
                    {
                        Host.ReceiveFrame(buffer.AsSpan(0, length), now);
                        FramesDelivered++;
                    }
                    for (int i = 0; i < _held.Count; i++)
                    {
                        if (_held[i].At > now)
                            continue;
                        var held = _held[i];
                        _held.RemoveAt(i--);
                        if (held.Outgoing)
                            _tap.Write(held.Frame);
                        else
                        {
                            Host.ReceiveFrame(held.Frame, now);
                            FramesDelivered++;
                        }
                    }
                    TimersDue = Host.Poll(now) <= now;
                    Application?.Invoke(now);
                }
            }
        }
        catch (Exception exception)
        {
            Failure = exception;
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(2000);
    }
}
