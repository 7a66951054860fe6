using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace CosmosHybrid.BootTests;

/// <summary>
/// A name server for one test on the host's loopback (UDP, a free port): A records and CNAMEs
/// from tables the test fills, name error for anything else, every answer with one TTL. It keeps
/// every question it was asked, so a test can say what the guest's resolver sent and what it
/// answered from its cache.
/// </summary>
internal sealed class TinyDnsServer : IDisposable
{
    private const ushort TypeA = 1;
    private const ushort TypeCname = 5;
    private const ushort ClassIn = 1;

    private readonly UdpClient _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly ConcurrentDictionary<string, IPAddress> _addresses = new ConcurrentDictionary<string, IPAddress>();
    private readonly ConcurrentDictionary<string, string> _aliases = new ConcurrentDictionary<string, string>();
    private readonly Thread _thread;

    /// <summary>The names asked for, lower case, in order.</summary>
    public readonly ConcurrentQueue<string> Questions = new ConcurrentQueue<string>();

    public TinyDnsServer(uint ttlSeconds)
    {
        TtlSeconds = ttlSeconds;
        _thread = new Thread(Serve) { IsBackground = true, Name = "tiny dns" };
        _thread.Start();
    }

    public uint TtlSeconds { get; }
    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint).Port;

    public void AddAddress(string name, IPAddress address) => _addresses[name.ToLowerInvariant()] = address;
    public void AddAlias(string name, string canonicalName) => _aliases[name.ToLowerInvariant()] = canonicalName.ToLowerInvariant();

    public int Asked(string name)
    {
        int count = 0;
        foreach (string question in Questions)
        {
            if (question == name)
                count++;
        }
        return count;
    }

    private void Serve()
    {
        var from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            byte[] query;
            try
            {
                query = _socket.Receive(ref from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            byte[] answer = Answer(query);
            if (answer != null)
                _socket.Send(answer, answer.Length, from);
        }
    }

    // One question (RFC 1035 4.1): a name error, or the CNAME chain and the A record at its end.
    private byte[] Answer(byte[] query)
    {
        if (query.Length < 12 || (query[2] & 0x80) != 0 || query[4] != 0 || query[5] != 1)
            return null;
        int at = 12;
        var labels = new List<string>();
        while (at < query.Length && query[at] != 0)
        {
            int length = query[at];
            if (length > 63 || at + 1 + length > query.Length)
                return null;
            labels.Add(System.Text.Encoding.ASCII.GetString(query, at + 1, length));
            at += 1 + length;
        }
        if (at + 5 > query.Length)
            return null;
        ushort type = (ushort)((query[at + 1] << 8) | query[at + 2]);
        int questionEnd = at + 5;
        string name = string.Join(".", labels).ToLowerInvariant();
        Questions.Enqueue(name);

        var records = new List<byte>();
        int count = 0;
        string owner = name;
        for (int hops = 0; hops < 8 && _aliases.TryGetValue(owner, out string target); hops++)
        {
            AppendRecord(records, owner, TypeCname, EncodeName(target));
            count++;
            owner = target;
        }
        bool found = _addresses.TryGetValue(owner, out IPAddress address);
        if (found && type == TypeA)
        {
            AppendRecord(records, owner, TypeA, address.GetAddressBytes());
            count++;
        }

        var response = new List<byte>(query.AsSpan(0, questionEnd).ToArray());
        response[2] = (byte)(0x80 | (query[2] & 0x01)); // QR, RD copied
        response[3] = (byte)(0x80 | (found || count > 0 ? 0 : 3)); // RA; name error when nothing is known
        response[6] = 0;
        response[7] = (byte)count;
        response[8] = response[9] = response[10] = response[11] = 0;
        response.AddRange(records);
        return response.ToArray();
    }

    private void AppendRecord(List<byte> records, string owner, ushort type, byte[] data)
    {
        records.AddRange(EncodeName(owner));
        records.Add((byte)(type >> 8));
        records.Add((byte)type);
        records.Add(0);
        records.Add((byte)ClassIn);
        records.Add((byte)(TtlSeconds >> 24));
        records.Add((byte)(TtlSeconds >> 16));
        records.Add((byte)(TtlSeconds >> 8));
        records.Add((byte)TtlSeconds);
        records.Add((byte)(data.Length >> 8));
        records.Add((byte)data.Length);
        records.AddRange(data);
    }

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (string label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return bytes.ToArray();
    }

    public void Dispose()
    {
        _socket.Dispose();
        _thread.Join(2000);
    }
}
