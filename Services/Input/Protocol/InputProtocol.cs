namespace CosmosHybrid.Services.Input.Protocol;

/// <summary>
/// The input service's message protocol, in one place for the driver and its clients (the
/// shell's `keymap`, a window server). The driver registers the reserved port name
/// <see cref="PortName"/>. Requests are calls (PortCallEx); the reply carries the request's tag,
/// Word0 the status (0, or a negated SyscallError) and Word1 what the request asks for.
/// Events go to subscribers as sent messages (PortSend, never waiting: a subscriber whose queue
/// is full loses events, one whose port is gone is dropped).
///
/// <list type="bullet">
/// <item><see cref="InputMessageTag.Subscribe"/>: the message's handle is a send handle to the
/// subscriber's port. While anyone subscribes, keys go to the subscribers instead of the console.</item>
/// <item><see cref="InputMessageTag.SetKeymap"/>: Word0 a layout name packed by <see cref="KeymapName"/>
/// ("us", "uk", "de", "fr"), or 0 to ask only; the reply's Word1 is the layout now in use.</item>
/// <item><see cref="InputMessageTag.KeyEvent"/>, <see cref="InputMessageTag.MouseEvent"/>: events
/// (<see cref="KeyEventMessage"/>, <see cref="MouseEventMessage"/>).</item>
/// </list>
/// </summary>
public static class InputProtocol
{
    /// <summary>The reserved name the driver registers its port under.</summary>
    public const string PortName = "input";

    /// <summary>The most subscribers the driver keeps (more are refused with TooManyHandles).</summary>
    public const int MaxSubscribers = 8;
}

/// <summary>The tag of every message of the input protocol.</summary>
public enum InputMessageTag : ulong
{
    Subscribe = 1,
    SetKeymap = 2,
    KeyEvent = 16,
    MouseEvent = 17,
}
