using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;

namespace CosmosHybrid.Services.Echo;

/// <summary>
/// A minimal message-port server, written against <see cref="IMessagePorts"/> so it runs
/// both in the OS and in Ring3Host. Short calls (register fast path) on one port: echo
/// the message, or add two words. Bulk calls on another: checksum the bytes copied in
/// and the pages granted, echo the bytes back, and try out a handle passed along.
/// </summary>
public static unsafe class EchoService
{
    public const string ShortPortName = "echo";
    public const string BulkPortName = "echo-bulk";

    public const ulong TagEcho = 1;
    public const ulong TagAdd = 2;
    public const ulong TagBulk = 3;
    /// <summary>Like <see cref="TagBulk"/> but without the checksums: what a copy or a grant costs by itself.</summary>
    public const ulong TagBulkQuiet = 4;
    /// <summary>A bulk call answered with the address its grant was mapped at in Word0 (a test sees the grant path reuse addresses).</summary>
    public const ulong TagGrantAddress = 5;
    /// <summary>Ends the serving loop (so tests can stop a server cleanly).</summary>
    public const ulong TagStop = 99;
    /// <summary>init's liveness probe (<see cref="ServicePing"/>): answered with the same tag.</summary>
    public const ulong TagPing = ServicePing.Tag;

    /// <summary>Serves short calls until a stop message or an error; returns the last result.</summary>
    public static long ServeShort(IMessagePorts ports, long port)
    {
        var message = default(ShortMessage);
        while (true)
        {
            long result = ports.ReplyWait(port, ref message);
            if (result < 0)
                return result;
            if (message.Tag == TagStop)
            {
                // Answer the stop call itself, without waiting for another message.
                var reply = default(IpcMessage);
                reply.Tag = TagStop;
                ports.ReplyEx(ref reply);
                return 0;
            }
            message = Answer(message);
        }
    }

    public static ShortMessage Answer(ShortMessage request) => request.Tag switch
    {
        TagAdd => new ShortMessage(TagAdd, request.Word0 + request.Word1),
        TagPing => new ShortMessage(TagPing),
        _ => request,
    };

    /// <summary>
    /// Serves bulk calls with a receive buffer of <paramref name="capacity"/> bytes. The reply's
    /// Word0 is the checksum of the copied bytes, Word1 that of the granted pages (Word0 of the
    /// request says how many bytes were granted), Word2 the result of sending on a passed handle
    /// and Word3 the result of sending on it again after closing it. The bytes are echoed back.
    /// </summary>
    public static long ServeBulk(IMessagePorts ports, long port, byte* buffer, int capacity)
    {
        while (true)
        {
            var request = default(IpcMessage);
            request.BufferAddress = (ulong)buffer;
            request.BufferLength = (ulong)capacity;
            long result = ports.Receive(port, ref request, -1);
            if (result < 0)
                return result;
            if (request.Tag == IpcMessage.NotificationTag)
                continue;

            var reply = default(IpcMessage);
            reply.Tag = request.Tag;
            if (request.Tag != TagBulkQuiet)
            {
                reply.Word0 = Checksum(buffer, Math.Min(request.BufferLength, (ulong)capacity));
                // Word0 is the client's word: never read past the pages actually granted (the IPC fuzzer found this).
                if (request.GrantedAddress != 0)
                    reply.Word1 = Checksum((byte*)request.GrantedAddress, Math.Min(request.Word0, request.GrantLength));
            }
            if (request.Tag == TagGrantAddress)
                reply.Word0 = request.GrantedAddress;
            if (request.Handle != 0)
            {
                var probe = default(IpcMessage);
                probe.Tag = TagEcho;
                reply.Word2 = (ulong)ports.Send(request.Handle, ref probe, 0);
                ports.Close(request.Handle);
                reply.Word3 = (ulong)ports.Send(request.Handle, ref probe, 0);
            }
            reply.BufferAddress = (ulong)buffer;
            reply.BufferLength = Math.Min(request.BufferLength, (ulong)capacity);
            ports.ReplyEx(ref reply);
            if (request.Tag == TagStop)
                return 0;
        }
    }

    /// <summary>A simple position-dependent checksum (so reordered bytes differ).</summary>
    public static ulong Checksum(byte* bytes, ulong length)
    {
        ulong sum = 0;
        for (ulong i = 0; i < length; i++)
            sum = sum * 31 + bytes[i] + 1;
        return sum;
    }
}
