using System;
using System.Net.Http;
using System.Threading;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The host's HTTP workload against the guest's httpd (through hostfwd): one download after the
/// other on a thread of its own, each on a new connection and compared byte for byte with what the
/// file must hold. Counts downloads that failed (errors, time-outs, a status other than 200) and
/// ones that came back wrong.
/// </summary>
public sealed class HttpWorkload : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _url;
    private readonly byte[] _expected;
    private Thread _thread;
    private volatile bool _running;
    private int _good, _failed, _wrong;

    public HttpWorkload(string url, byte[] expected, TimeSpan timeout)
    {
        _url = url;
        _expected = expected;
        _client = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = timeout };
    }

    public int Good => Volatile.Read(ref _good);

    public int Failed => Volatile.Read(ref _failed);

    public int Wrong => Volatile.Read(ref _wrong);

    public string LastError { get; private set; }

    /// <summary>One download: true when it came back whole and right (the counters count it either way).</summary>
    public bool FetchOnce()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _url);
            request.Headers.ConnectionClose = true;
            using HttpResponseMessage response = _client.Send(request);
            if ((int)response.StatusCode != 200)
            {
                LastError = "HTTP " + (int)response.StatusCode;
                Interlocked.Increment(ref _wrong);
                return false;
            }
            byte[] body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            if (!body.AsSpan().SequenceEqual(_expected))
            {
                LastError = body.Length == _expected.Length ? "bytes differ" : "length " + body.Length + " instead of " + _expected.Length;
                Interlocked.Increment(ref _wrong);
                return false;
            }
            Interlocked.Increment(ref _good);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException || e is System.IO.IOException || e is OperationCanceledException)
        {
            LastError = e.GetType().Name + ": " + e.Message;
            Interlocked.Increment(ref _failed);
            return false;
        }
    }

    /// <summary>Fetches until one download is right or <paramref name="patience"/> ran out.</summary>
    public bool WaitUntilServes(TimeSpan patience)
    {
        DateTime end = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < end)
        {
            if (FetchOnce())
                return true;
            Thread.Sleep(250);
        }
        return false;
    }

    /// <summary>Starts downloading over and over, counting from zero.</summary>
    public void Start()
    {
        _good = _failed = _wrong = 0;
        _running = true;
        _thread = new Thread(() =>
        {
            while (_running)
            {
                if (!FetchOnce())
                    Thread.Sleep(100);
            }
        }) { IsBackground = true, Name = "http workload" };
        _thread.Start();
    }

    /// <summary>Stops after the download under way (which ends by the client's time-out at the latest).</summary>
    public void Stop()
    {
        _running = false;
        _thread?.Join();
        _thread = null;
    }

    public void Dispose()
    {
        Stop();
        _client.Dispose();
    }
}
