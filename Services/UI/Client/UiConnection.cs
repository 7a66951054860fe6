using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.Ipc;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;

namespace CosmosHybrid.Services.UI.Client;

/// <summary>
/// A program's connection to the window server: open windows, send damage, read events.
/// Written against <see cref="IMessagePorts"/>, so the same code runs in ring 3 and in
/// Ring3Host. Pixel buffers are the caller's (page-aligned memory, e.g. from MapMemory).
/// Results are <see cref="UiError"/> values, or <see cref="UiError.NotConnected"/> when a
/// port operation itself failed (<see cref="LastPortResult"/> says how).
/// </summary>
public sealed unsafe class UiConnection
{
    private readonly IMessagePorts _ports;
    private readonly long _server;
    private readonly long _events;
    private readonly long _clientId;
    private readonly ulong _token;

    private UiConnection(IMessagePorts ports, long server, long events, long clientId, ulong token)
    {
        _ports = ports;
        _server = server;
        _events = events;
        _clientId = clientId;
        _token = token;
    }

    public long ClientId => _clientId;

    /// <summary>
    /// The port events arrive on (this process holds every right to it). Another thread of
    /// the program may set notification bits on it (<see cref="IMessagePorts.Notify"/>) to wake
    /// a <see cref="NextEvent(out UiEvent, out ulong, long)"/> waiting there.
    /// </summary>
    public long EventPort => _events;

    /// <summary>The secret this connection shows with each request (for programs that build requests themselves).</summary>
    public ulong Token => _token;

    /// <summary>The result of the last port operation that failed (a negated SyscallError), or 0.</summary>
    public long LastPortResult { get; private set; }

    /// <summary>Looks up the server by name, makes an event port and connects.</summary>
    public static UiError Connect(IMessagePorts ports, out UiConnection connection, string serverName = "ui")
    {
        connection = null;
        long server = ports.Lookup(serverName);
        if (server < 0)
            return UiError.NotConnected;
        long events = ports.CreatePort();
        if (events < 0)
        {
            ports.Close(server);
            return UiError.NotConnected;
        }
        // Transfer: the handle moves to the server with the request.
        long sendHandle = ports.Duplicate(events, HandleRights.Send | HandleRights.Transfer);
        var request = default(IpcMessage);
        request.Tag = (ulong)UiRequest.Connect;
        request.Handle = sendHandle;
        var reply = default(IpcMessage);
        long result = sendHandle < 0 ? sendHandle : ports.CallEx(server, ref request, ref reply);
        if (result < 0 || reply.Tag != (ulong)UiError.None)
        {
            ports.Close(events);
            ports.Close(server);
            return result < 0 ? UiError.NotConnected : (UiError)reply.Tag;
        }
        connection = new UiConnection(ports, server, events, (long)reply.Word0, reply.Word1);
        return UiError.None;
    }

    /// <summary>
    /// Opens a window whose content is <paramref name="width"/> × <paramref name="height"/>
    /// pixels of <paramref name="pixels"/> (page-aligned, <see cref="ClientWindow.BufferBytes"/> long),
    /// shown as they are now.
    /// </summary>
    public UiError CreateWindow(uint* pixels, int width, int height, string title, out ClientWindow window)
    {
        window = null;
        byte[] titleBytes = Utf8.GetBytes(title ?? string.Empty) ?? new byte[0];
        var request = Request(UiRequest.CreateWindow);
        request.Word2 = UiRequestValidator.PackSize(width, height);
        request.GrantAddress = (ulong)pixels;
        request.GrantLength = (ulong)ClientWindow.BufferBytes(width, height);
        var reply = default(IpcMessage);
        fixed (byte* titleText = titleBytes)
        {
            request.BufferAddress = (ulong)titleText;
            request.BufferLength = (ulong)titleBytes.Length;
            UiError error = Call(ref request, ref reply);
            if (error != UiError.None)
                return error;
        }
        window = new ClientWindow((int)reply.Word0, pixels, width, height);
        return UiError.None;
    }

    /// <summary>Tells the server which parts changed (none given: all of it); it copies them from the pages of the buffer lent with the request.</summary>
    public UiError Damage(ClientWindow window, ReadOnlySpan<Rect> changed)
    {
        int count = changed.Length > UiLimits.MaxDamageRects ? 0 : changed.Length; // too many: send the whole window
        UiRect* rects = stackalloc UiRect[UiLimits.MaxDamageRects];
        for (int i = 0; i < count; i++)
            rects[i] = new UiRect(changed[i].X, changed[i].Y, changed[i].Width, changed[i].Height);
        // Only the pages that hold the changed pixels are lent.
        DamageGrant grant = DamageGrant.For(window.Width, window.Height, changed.Slice(0, count));
        var request = Request(UiRequest.Damage);
        request.Word2 = DamageGrant.PackWindow(window.Id, grant.FirstPage);
        request.Word3 = UiRequestValidator.PackSize(window.Width, window.Height);
        request.BufferAddress = count == 0 ? 0 : (ulong)rects;
        request.BufferLength = (ulong)(count * UiRect.Size);
        request.GrantAddress = (ulong)window.Pixels + (ulong)grant.ByteOffset;
        request.GrantLength = (ulong)grant.ByteLength;
        var reply = default(IpcMessage);
        return Call(ref request, ref reply);
    }

    public UiError Damage(ClientWindow window, Rect changed)
    {
        Span<Rect> one = stackalloc Rect[1];
        one[0] = changed;
        return Damage(window, one);
    }

    public UiError SetTitle(ClientWindow window, string title)
    {
        byte[] titleBytes = Utf8.GetBytes(title ?? string.Empty) ?? new byte[0];
        var request = Request(UiRequest.SetTitle);
        request.Word2 = (ulong)window.Id;
        var reply = default(IpcMessage);
        fixed (byte* titleText = titleBytes)
        {
            request.BufferAddress = (ulong)titleText;
            request.BufferLength = (ulong)titleBytes.Length;
            return Call(ref request, ref reply);
        }
    }

    public UiError DestroyWindow(ClientWindow window)
    {
        var request = Request(UiRequest.DestroyWindow);
        request.Word2 = (ulong)window.Id;
        var reply = default(IpcMessage);
        return Call(ref request, ref reply);
    }

    /// <summary>Closes the connection: the server removes the windows; the ports are closed here.</summary>
    public UiError Disconnect()
    {
        var request = Request(UiRequest.Disconnect);
        var reply = default(IpcMessage);
        UiError error = Call(ref request, ref reply);
        _ports.Close(_events);
        _ports.Close(_server);
        return error;
    }

    /// <summary>
    /// The next event for any of this client's windows, waiting up to <paramref name="timeoutMs"/>
    /// (-1 for ever, 0 only looks); false when none came. The server's pings are skipped.
    /// </summary>
    public bool NextEvent(out UiEvent uiEvent, long timeoutMs)
    {
        while (true)
        {
            var message = default(IpcMessage);
            long result = _ports.Receive(_events, ref message, timeoutMs);
            if (result < 0)
            {
                LastPortResult = result;
                uiEvent = default;
                return false;
            }
            if (message.Tag == IpcMessage.NotificationTag)
                continue;
            if (UiEvent.TryFromMessage(message, out uiEvent))
                return true;
        }
    }

    /// <summary>
    /// Like <see cref="NextEvent(out UiEvent, long)"/>, but also returns when notification bits
    /// other than the server's ping arrive (the program's own, see <see cref="EventPort"/>):
    /// then <paramref name="uiEvent"/> is <see cref="UiEventKind.None"/> and
    /// <paramref name="notification"/> holds the bits.
    /// </summary>
    public bool NextEvent(out UiEvent uiEvent, out ulong notification, long timeoutMs)
    {
        notification = 0;
        while (true)
        {
            var message = default(IpcMessage);
            long result = _ports.Receive(_events, ref message, timeoutMs);
            if (result < 0)
            {
                LastPortResult = result;
                uiEvent = default;
                return false;
            }
            if (message.Tag == IpcMessage.NotificationTag)
            {
                notification = message.Word0 & ~ServerPingBit;
                if (notification == 0)
                    continue;
                uiEvent = default;
                return true;
            }
            if (UiEvent.TryFromMessage(message, out uiEvent))
                return true;
        }
    }

    /// <summary>
    /// False once the server's port is closed (its process ended): a notification of no bits
    /// costs a system call, wakes nobody and fails only then. A client that waits for events
    /// asks this when it has waited a while, since a dead server sends it nothing.
    /// </summary>
    public bool ServerIsAlive()
    {
        long result = _ports.Notify(_server, 0);
        if (result == -(long)SyscallError.PeerClosed)
        {
            LastPortResult = result;
            return false;
        }
        return true;
    }

    // The bit the server pings event ports with (UiServer.PingBit).
    private const ulong ServerPingBit = 1UL << 63;

    private IpcMessage Request(UiRequest tag)
    {
        var request = default(IpcMessage);
        request.Tag = (ulong)tag;
        request.Word0 = (ulong)_clientId;
        request.Word1 = _token;
        return request;
    }

    private UiError Call(ref IpcMessage request, ref IpcMessage reply)
    {
        long result = _ports.CallEx(_server, ref request, ref reply);
        if (result < 0)
        {
            LastPortResult = result;
            return UiError.NotConnected;
        }
        return (UiError)reply.Tag;
    }
}
