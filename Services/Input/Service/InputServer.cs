using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Mouse;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.Ipc;

namespace CosmosHybrid.Services.Input.Service;

/// <summary>
/// What the input driver does with the bytes its controller delivers and the requests its port
/// receives, apart from the hardware (so it runs on the host too): keyboard bytes become key
/// events and the text they type (the layout's, with modifiers, dead keys, xterm sequences),
/// mouse bytes become mouse events. Keys go to the subscribers when there are any, else their
/// text goes to the console; mouse events only ever go to subscribers. Every request is checked:
/// a bad one gets an error reply and changes nothing.
/// </summary>
public sealed class InputServer
{
    private const int MaxTextBytes = 32;

    private readonly IMessagePorts _ports;
    private readonly IConsoleTyping _console;
    private readonly ScanCodeSet1Decoder _keyboard = new ScanCodeSet1Decoder();

    public InputServer(IMessagePorts ports, IConsoleTyping console, KeyboardLayout layout)
    {
        _ports = ports;
        _console = console;
        Translator = new KeyTranslator(layout);
        Subscribers = new InputSubscribers(ports);
    }

    public KeyTranslator Translator { get; }

    public MousePacketDecoder Mouse { get; } = new MousePacketDecoder();

    public InputSubscribers Subscribers { get; }

    /// <summary>Changes whenever a lock key toggles: the driver then sets the keyboard's LEDs to <see cref="KeyboardState.LedBits"/>.</summary>
    public int LockGeneration => Translator.State.LockGeneration;

    /// <summary>Feeds one keyboard byte (scan code set 1); true with the event when it completed one, which has been delivered.</summary>
    public bool OnKeyboardByte(byte value, out KeyEvent keyEvent)
    {
        if (!_keyboard.TryDecode(value, out keyEvent))
            return false;
        string text = Translator.Translate(keyEvent);
        Span<byte> utf8 = stackalloc byte[MaxTextBytes];
        int length = 0;
        if (text != null && Utf8.Encode(text.AsSpan(), utf8, out length) != Utf8Status.Ok)
            length = 0;
        if (Subscribers.Count > 0)
        {
            IpcMessage message = KeyEventMessage.Create(keyEvent, Translator.State.Modifiers, utf8.Slice(0, length)).ToMessage();
            Subscribers.Publish(ref message);
        }
        // With no subscriber (or the last one just found gone), the text goes to the console.
        if (Subscribers.Count == 0 && length > 0)
            _console?.Type(utf8.Slice(0, length));
        return true;
    }

    /// <summary>Feeds one mouse byte; true with the event when it completed a packet (sent to the subscribers).</summary>
    public bool OnMouseByte(byte value, out MouseEvent mouseEvent)
    {
        if (!Mouse.TryDecode(value, out mouseEvent))
            return false;
        if (Subscribers.Count > 0)
        {
            IpcMessage message = MouseEventMessage.ToMessage(mouseEvent);
            Subscribers.Publish(ref message);
        }
        return true;
    }

    /// <summary>
    /// Answers one request (a message received on the driver's port that is not a notification).
    /// A handle it carries is kept (a subscription) or closed, never leaked.
    /// </summary>
    public IpcMessage HandleRequest(in IpcMessage request)
    {
        var reply = default(IpcMessage);
        reply.Tag = request.Tag;
        SyscallError status;
        switch ((InputMessageTag)request.Tag)
        {
            case InputMessageTag.Subscribe:
                status = request.Handle == 0 ? SyscallError.InvalidArgument : Subscribers.Add(request.Handle);
                if (status != SyscallError.None && request.Handle != 0)
                    _ports.Close(request.Handle);
                break;
            case InputMessageTag.SetKeymap:
                status = SetKeymap(request.Word0);
                reply.Word1 = Pack(Translator.Layout.Name);
                CloseStray(request);
                break;
            default:
                status = SyscallError.InvalidArgument;
                CloseStray(request);
                break;
        }
        reply.Word0 = (ulong)SyscallResult.Error(status);
        return reply;
    }

    /// <summary>Switches to the layout named in <paramref name="packedName"/> (0 only asks).</summary>
    private SyscallError SetKeymap(ulong packedName)
    {
        if (packedName == 0)
            return SyscallError.None;
        string name = KeymapName.Unpack(packedName);
        if (name == null)
            return SyscallError.InvalidArgument;
        KeyboardLayout layout = KeyboardLayouts.Find(name);
        if (layout == null)
            return SyscallError.NotFound;
        Translator.Layout = layout;
        return SyscallError.None;
    }

    private void CloseStray(in IpcMessage request)
    {
        if (request.Handle != 0)
            _ports.Close(request.Handle);
    }

    private static ulong Pack(string name) => KeymapName.TryPack(name, out ulong packed) ? packed : 0;
}
