using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Mouse;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UI.Host;

/// <summary>
/// The seam to the input driver: a thread of `ui` that subscribes to the port `input` and
/// passes each key and mouse event on to the server's own port as a
/// <see cref="UiRequest.KeyInput"/> or <see cref="UiRequest.PointerInput"/> message
/// (<see cref="InputFeed"/>). While it is subscribed, keys no longer reach the console: `ui`
/// starts it only when its command line says `input`. Each message carries the server's control
/// key (<see cref="UiControlKey"/>): input from anyone else is refused.
/// </summary>
internal static unsafe class InputBridge
{
    private static InputFeed s_feed;
    private static long s_server;
    private static ulong s_controlKey;

    /// <summary>Starts the bridge thread for a screen of the given size; false when it could not start.</summary>
    public static bool Start(long serverPort, ulong controlKey, int width, int height)
    {
        s_feed = new InputFeed(width, height);
        s_controlKey = controlKey;
        s_server = SyscallPorts.Instance.Duplicate(serverPort, HandleRights.Send);
        return s_server >= 0 && UserThread.Start(&Run, 0) >= 0;
    }

    private static void Run(ulong unused)
    {
        SyscallPorts ports = SyscallPorts.Instance;
        long events = Subscribe(ports);
        if (events < 0)
        {
            System.Console.WriteLine("ui: no input (" + ProcessCalls.ErrorText(events) + ")");
            return;
        }
        // Quiet from here: the serial console is the shell's.
        byte* text = stackalloc byte[KeyEventMessage.MaxTextBytes];
        ulong controlKey = s_controlKey;
        while (true)
        {
            var message = default(IpcMessage);
            if (ports.Receive(events, ref message, -1) < 0)
                return;
            IpcMessage forward;
            if (MouseEventMessage.TryRead(message, out MouseEvent mouse))
                forward = s_feed.Pointer(mouse.DeltaX, mouse.DeltaY, mouse.Wheel, (UiPointerButtons)(ulong)mouse.Buttons);
            else if (KeyEventMessage.TryRead(message, out KeyEventMessage key))
                forward = InputFeed.Key((ushort)key.Key, key.Pressed, Modifiers(key.Modifiers),
                    new System.ReadOnlySpan<byte>(text, key.CopyText(new System.Span<byte>(text, KeyEventMessage.MaxTextBytes))));
            else
                continue;
            UiControlKey.Attach(ref forward, &controlKey);
            // The server reads its port between requests; a full queue loses this event, never blocks input.
            ports.Send(s_server, ref forward, 0);
        }
    }

    /// <summary>A port subscribed to the input driver (waiting up to a few seconds for the driver to register), or a negated error.</summary>
    private static long Subscribe(SyscallPorts ports)
    {
        long input = ports.Lookup(InputProtocol.PortName);
        for (int attempt = 0; input < 0 && attempt < 50; attempt++)
        {
            ProcessCalls.Sleep(100);
            input = ports.Lookup(InputProtocol.PortName);
        }
        if (input < 0)
            return input;
        long port = ports.CreatePort();
        if (port < 0)
            return port;
        long send = ports.Duplicate(port, HandleRights.Send | HandleRights.Transfer);
        if (send < 0)
            return send;
        var request = default(IpcMessage);
        request.Tag = (ulong)InputMessageTag.Subscribe;
        request.Handle = send;
        var reply = default(IpcMessage);
        long result = ports.CallEx(input, ref request, ref reply);
        if (result >= 0)
            result = (long)reply.Word0;
        return result < 0 ? result : port;
    }

    private static UiModifiers Modifiers(KeyboardModifiers modifiers) =>
        ((modifiers & KeyboardModifiers.Shift) != 0 ? UiModifiers.Shift : 0)
        | ((modifiers & KeyboardModifiers.Control) != 0 ? UiModifiers.Control : 0)
        | ((modifiers & KeyboardModifiers.Alt) != 0 ? UiModifiers.Alt : 0)
        | ((modifiers & KeyboardModifiers.AltGr) != 0 ? UiModifiers.AltGr : 0);
}
