using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UI.Windows;

namespace CosmosHybrid.Services.UI.Service;

/// <summary>
/// The window server `ui`: serves the protocol of <see cref="UiRequest"/> on one port
/// (written against <see cref="IMessagePorts"/>, so it runs in the OS and in Ring3Host),
/// keeps a copy of each window's pixels, and after every message sends the clients their
/// events and composites what changed. Every request is checked by
/// <see cref="UiRequestValidator"/>; a bad one gets an error reply and changes nothing. Input,
/// the clock and Stop are control requests, taken only with the server's <see cref="ControlKey"/>.
/// </summary>
public sealed unsafe class UiServer
{
    public const string PortName = "ui";
    /// <summary>The notification bit the server sets on an event port to find out whether its client still listens.</summary>
    public const ulong PingBit = 1UL << 63;
    /// <summary>Receive buffer: the longest rectangle list or title.</summary>
    public const int RequestBufferBytes = UiLimits.MaxDamageRects * UiRect.Size;

    private readonly IMessagePorts _ports;
    private readonly List<ConnectedClient> _clients = new List<ConnectedClient>();
    private readonly Rect[] _damage = new Rect[UiLimits.MaxDamageRects];
    private readonly Framebuffer _framebuffer;
    private ulong _tokenState;
    private long _nextClientId = 1;

    /// <param name="tokenSeed">Seeds the client tokens and, when <paramref name="controlKey"/> is 0, the control key.</param>
    public UiServer(IMessagePorts ports, Framebuffer framebuffer, int width, int height, IGlyphSource glyphs, Theme theme = null,
        ulong tokenSeed = 0x9E37_79B9_7F4A_7C15, ulong controlKey = 0)
    {
        _ports = ports;
        _framebuffer = framebuffer;
        _tokenState = tokenSeed == 0 ? 1 : tokenSeed;
        ControlKey = controlKey != 0 ? controlKey : NextToken();
        Scene = new Scene(width, height, glyphs);
        Damage = new DamageRegion(Scene.Screen);
        Manager = new WindowManager(Scene, Damage);
        Compositor = new Compositor(new PixelBuffer(width, height), theme, glyphs);
        Scene.CursorX = width / 2;
        Scene.CursorY = height / 2;
        Damage.AddAll();
    }

    /// <summary>The key a control request carries as its buffer (<see cref="UiControlKey"/>); give it only to the input bridge.</summary>
    public ulong ControlKey { get; }

    public Scene Scene { get; }

    public DamageRegion Damage { get; }

    public WindowManager Manager { get; }

    public Compositor Compositor { get; }

    public int ClientCount => _clients.Count;

    /// <summary>Events not delivered because the client's queue was full.</summary>
    public long EventsDropped { get; private set; }

    /// <summary>Called once per request for a new terminal (key combination or the top-bar button).</summary>
    public Action TerminalRequested { get; set; }

    /// <summary>The clock text for the top bar, asked for when the server is idle.</summary>
    public Func<string> Clock { get; set; }

    /// <summary>Called with each request as soon as <see cref="Serve"/> has it, before it is handled (a measurement's start).</summary>
    public Action<IpcMessage> Received { get; set; }

    /// <summary>Called with a request's tag once it is answered, its events delivered and the screen composited.</summary>
    public Action<ulong> Served { get; set; }

    /// <summary>
    /// Serves until a stop request or a port error: each message is checked, answered (calls)
    /// and followed by event delivery and compositing. When nothing arrives for
    /// <paramref name="idleMs"/>, the clock is updated and silent clients are pinged.
    /// </summary>
    public long Serve(long port, long idleMs)
    {
        byte* buffer = stackalloc byte[RequestBufferBytes];
        Flush();
        while (true)
        {
            var request = default(IpcMessage);
            request.BufferAddress = (ulong)buffer;
            request.BufferLength = RequestBufferBytes;
            long result = _ports.Receive(port, ref request, idleMs);
            if (result == -(long)SyscallError.TimedOut)
            {
                Idle();
                continue;
            }
            if (result < 0)
                return result;
            if (request.Tag == IpcMessage.NotificationTag)
                continue;
            // A forged control request must not start a measurement either.
            if (Received != null && IsPermitted(request))
                Received(request);
            IpcMessage reply = Handle(ref request);
            // A sent (not called) message has nobody to answer: the reply fails harmlessly.
            _ports.ReplyEx(ref reply);
            if (request.Tag == (ulong)UiRequest.Stop && reply.Tag == (ulong)UiError.None)
                return 0;
            Flush();
            Served?.Invoke(request.Tag);
        }
    }

    /// <summary>What the server does when nothing arrives: the clock, and finding clients that died quietly.</summary>
    public void Idle()
    {
        if (Clock != null)
            Manager.SetClock(Clock());
        for (int i = 0; i < _clients.Count; i++)
        {
            if (_ports.Notify(_clients[i].EventPort, PingBit) == -(long)SyscallError.PeerClosed)
                _clients[i].Gone = true;
        }
        Flush();
    }

    /// <summary>False for a control request that does not carry the server's control key.</summary>
    private bool IsPermitted(in IpcMessage request) =>
        !UiControlKey.IsControl(request.Tag) || UiControlKey.Matches(request, ControlKey);

    /// <summary>Acts on one request (already received; its grant still lent) and returns the reply.</summary>
    public IpcMessage Handle(ref IpcMessage request)
    {
        var reply = default(IpcMessage);
        if (!UiRequestValidator.IsKnown(request.Tag))
        {
            CloseMovedHandle(ref request);
            reply.Tag = (ulong)UiError.UnknownRequest;
            return reply;
        }
        if (!IsPermitted(request))
        {
            CloseMovedHandle(ref request);
            reply.Tag = (ulong)UiError.NotPermitted;
            return reply;
        }
        UiRequest tag = (UiRequest)request.Tag;
        switch (tag)
        {
            case UiRequest.Connect:
                reply.Tag = (ulong)Connect(ref request, ref reply);
                return reply;
            case UiRequest.PointerInput:
                Manager.Pointer(new UiPointerInput((int)(long)request.Word0, (int)(long)request.Word1, (UiPointerButtons)(request.Word2 & 7), (int)(long)request.Word3));
                break;
            case UiRequest.KeyInput:
                Manager.Key(new UiKeyInput((ushort)request.Word0, request.Word1 != 0, (UiModifiers)(byte)request.Word2, (uint)request.Word3));
                break;
            case UiRequest.SetClock:
                Manager.SetClock(ClockText(request.Word0));
                break;
            case UiRequest.Stop:
                break;
            default:
                reply.Tag = (ulong)HandleClientRequest(tag, ref request, ref reply);
                break;
        }
        CloseMovedHandle(ref request);
        return reply;
    }

    private UiError HandleClientRequest(UiRequest tag, ref IpcMessage request, ref IpcMessage reply)
    {
        ConnectedClient client = FindClient((long)request.Word0, request.Word1);
        if (client == null)
            return UiError.NotConnected;
        switch (tag)
        {
            case UiRequest.CreateWindow:
                return CreateWindow(client, ref request, ref reply);
            case UiRequest.Damage:
                return DamageWindow(client, ref request, ref reply);
            case UiRequest.SetTitle:
                {
                    Window window = FindWindow(client, request.Word2);
                    if (window == null)
                        return UiError.NoSuchWindow;
                    UiError error = UiRequestValidator.ReadTitle(request, out string title);
                    if (error == UiError.None)
                        Manager.SetTitle(window, title);
                    return error;
                }
            case UiRequest.DestroyWindow:
                {
                    Window window = FindWindow(client, request.Word2);
                    if (window == null)
                        return UiError.NoSuchWindow;
                    Forget(client, window);
                    return UiError.None;
                }
            case UiRequest.Disconnect:
                client.Gone = true;
                return UiError.None;
            default:
                return UiError.UnknownRequest;
        }
    }

    private UiError Connect(ref IpcMessage request, ref IpcMessage reply)
    {
        if (request.Handle == 0)
            return UiError.NoEventPort;
        if (_clients.Count >= UiLimits.MaxClients)
        {
            CloseMovedHandle(ref request);
            return UiError.TooManyClients;
        }
        var client = new ConnectedClient(_nextClientId++, NextToken(), request.Handle);
        request.Handle = 0; // kept: now the client's event port
        _clients.Add(client);
        reply.Word0 = (ulong)client.Id;
        reply.Word1 = client.Token;
        return UiError.None;
    }

    private UiError CreateWindow(ConnectedClient client, ref IpcMessage request, ref IpcMessage reply)
    {
        UiError error = UiRequestValidator.CheckCreateWindow(request, client.Windows, out int width, out int height, out string title);
        if (error != UiError.None)
            return error;
        long pixels = (long)width * height;
        if (client.Pixels + pixels > UiLimits.MaxPixelsPerClient)
            return UiError.OutOfMemory;
        var content = new PixelBuffer(width, height);
        content.CopyFrom(new PixelSurface((uint*)request.GrantedAddress, width, height), content.Bounds);
        Window window = Manager.CreateWindow(client.Id, width, height, title, content);
        client.Windows++;
        client.Pixels += pixels;
        reply.Word0 = (ulong)window.Id;
        return UiError.None;
    }

    private UiError DamageWindow(ConnectedClient client, ref IpcMessage request, ref IpcMessage reply)
    {
        Window window = FindWindow(client, (uint)DamageGrant.WindowOf(request.Word2));
        if (window == null)
            return UiError.NoSuchWindow;
        UiError error = UiRequestValidator.CheckSize(request.Word3, out int width, out int height);
        if (error != UiError.None)
            return error;
        error = UiRequestValidator.ReadDamage(request, width, height, _damage, out int count);
        if (error != UiError.None)
            return error;
        // The grant holds only some pages of the client's buffer: every changed pixel must be in them.
        long grantOffset = DamageGrant.FirstPageOf(request.Word2) * DamageGrant.PageSize;
        error = UiRequestValidator.CheckDamageGrant(request, grantOffset, width, new ReadOnlySpan<Rect>(_damage, 0, count));
        if (error != UiError.None)
            return error;

        var content = (PixelBuffer)window.Content;
        if (content.Width != width || content.Height != height)
        {
            long grown = (long)width * height - (long)content.Width * content.Height;
            if (client.Pixels + grown > UiLimits.MaxPixelsPerClient)
                return UiError.OutOfMemory;
            content.Resize(width, height, Compositor.Theme.WindowBackground);
            client.Pixels += grown;
            Manager.ContentChanged(window, new Rect(0, 0, UiLimits.MaxWindowSize, UiLimits.MaxWindowSize));
        }
        // Where the buffer would start in this address space; only the checked rows are read.
        var source = new PixelSurface((uint*)(request.GrantedAddress - (ulong)grantOffset), width, height);
        for (int i = 0; i < count; i++)
        {
            content.CopyFrom(source, _damage[i]);
            Manager.ContentChanged(window, _damage[i]);
        }
        reply.Word0 = (ulong)count;
        return UiError.None;
    }

    /// <summary>Delivers queued events, drops clients that are gone, answers terminal requests, composites.</summary>
    public void Flush()
    {
        Queue<UiEvent> events = Manager.Events;
        while (events.Count > 0)
        {
            UiEvent next = events.Dequeue();
            ConnectedClient client = FindClient(next.Owner);
            if (client == null || client.Gone)
                continue;
            IpcMessage message = next.ToMessage();
            long result = _ports.Send(client.EventPort, ref message, 0);
            if (result == -(long)SyscallError.PeerClosed)
                client.Gone = true;
            else if (result < 0)
                EventsDropped++; // a client that does not read its events loses them, not the server its time
        }
        for (int i = _clients.Count - 1; i >= 0; i--)
        {
            if (_clients[i].Gone)
                Drop(_clients[i]);
        }
        int terminals = Manager.TakeTerminalRequests();
        for (int i = 0; i < terminals; i++)
            TerminalRequested?.Invoke();
        if (!Damage.IsEmpty)
            Compositor.Composite(Scene, Damage, _framebuffer);
    }

    private void Drop(ConnectedClient client)
    {
        Manager.DestroyOwnedBy(client.Id);
        _ports.Close(client.EventPort);
        _clients.Remove(client);
    }

    private void Forget(ConnectedClient client, Window window)
    {
        var content = (PixelBuffer)window.Content;
        client.Pixels -= (long)content.Width * content.Height;
        client.Windows--;
        Manager.DestroyWindow(window);
    }

    private ConnectedClient FindClient(long id, ulong token)
    {
        ConnectedClient client = FindClient(id);
        return client != null && client.Token == token && !client.Gone ? client : null;
    }

    private ConnectedClient FindClient(long id)
    {
        for (int i = 0; i < _clients.Count; i++)
        {
            if (_clients[i].Id == id)
                return _clients[i];
        }
        return null;
    }

    private Window FindWindow(ConnectedClient client, ulong id)
    {
        if (id > int.MaxValue)
            return null;
        Window window = Scene.Windows.Find((int)id);
        return window != null && window.Owner == client.Id ? window : null;
    }

    private void CloseMovedHandle(ref IpcMessage request)
    {
        if (request.Handle != 0)
            _ports.Close(request.Handle);
        request.Handle = 0;
    }

    /// <summary>xorshift64*: tokens not derived from the client ids, as hard to guess as the seed the server was given.</summary>
    private ulong NextToken()
    {
        _tokenState ^= _tokenState >> 12;
        _tokenState ^= _tokenState << 25;
        _tokenState ^= _tokenState >> 27;
        return _tokenState * 0x2545_F491_4F6C_DD1D;
    }

    private static string ClockText(ulong packed)
    {
        Span<char> text = stackalloc char[8];
        int length = 0;
        for (int i = 0; i < 8; i++)
        {
            byte b = (byte)(packed >> (8 * i));
            if (b == 0)
                break;
            text[length++] = b >= 0x20 && b < 0x7F ? (char)b : '?';
        }
        return new string(text.Slice(0, length));
    }
}
