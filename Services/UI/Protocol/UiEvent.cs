using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>
/// An event for one window, as the window manager makes it and as it travels: tag
/// <see cref="Kind"/>, Word0 the window id, Word1..Word3 the payload (see <see cref="UiEventKind"/>).
/// <see cref="Owner"/> (the client to send it to) stays in the server.
/// </summary>
public readonly struct UiEvent
{
    public UiEvent(UiEventKind kind, long owner, int windowId, ulong word1 = 0, ulong word2 = 0, ulong word3 = 0)
    {
        Kind = kind;
        Owner = owner;
        WindowId = windowId;
        Word1 = word1;
        Word2 = word2;
        Word3 = word3;
    }

    public UiEventKind Kind { get; }

    public long Owner { get; }

    public int WindowId { get; }

    public ulong Word1 { get; }

    public ulong Word2 { get; }

    public ulong Word3 { get; }

    public static UiEvent ForKey(long owner, int windowId, UiKeyInput key) =>
        new UiEvent(UiEventKind.Key, owner, windowId,
            key.KeyCode | (key.Pressed ? 1UL << 16 : 0) | ((ulong)key.Modifiers << 24), key.Character);

    public static UiEvent ForPointer(long owner, int windowId, int x, int y, UiPointerButtons buttons, int wheel) =>
        new UiEvent(UiEventKind.Pointer, owner, windowId, (uint)x | ((ulong)(uint)y << 32), (ulong)buttons, (ulong)(long)wheel);

    public static UiEvent ForResize(long owner, int windowId, int width, int height) =>
        new UiEvent(UiEventKind.Resize, owner, windowId, (ulong)width, (ulong)height);

    public static UiEvent ForFocus(long owner, int windowId, bool gained) =>
        new UiEvent(UiEventKind.Focus, owner, windowId, gained ? 1UL : 0UL);

    public static UiEvent ForClose(long owner, int windowId) => new UiEvent(UiEventKind.Close, owner, windowId);

    // ---- payload readers (what a client uses) ----

    public UiKeyInput Key => new UiKeyInput((ushort)Word1, (Word1 >> 16 & 1) != 0, (UiModifiers)(Word1 >> 24 & 0xFF), (uint)Word2);

    public int PointerX => (int)(uint)Word1;

    public int PointerY => (int)(uint)(Word1 >> 32);

    public UiPointerButtons PointerButtons => (UiPointerButtons)Word2;

    public int Wheel => (int)(long)Word3;

    public int Width => (int)Word1;

    public int Height => (int)Word2;

    public bool FocusGained => Word1 != 0;

    public IpcMessage ToMessage()
    {
        var message = default(IpcMessage);
        message.Tag = (ulong)Kind;
        message.Word0 = (ulong)(uint)WindowId;
        message.Word1 = Word1;
        message.Word2 = Word2;
        message.Word3 = Word3;
        return message;
    }

    /// <summary>Reads an event message; false (and <see cref="UiEventKind.None"/>) for any other tag.</summary>
    public static bool TryFromMessage(in IpcMessage message, out UiEvent uiEvent)
    {
        uiEvent = default;
        UiEventKind kind = (UiEventKind)message.Tag;
        if (kind < UiEventKind.Key || kind > UiEventKind.Close)
            return false;
        uiEvent = new UiEvent(kind, 0, (int)(uint)message.Word0, message.Word1, message.Word2, message.Word3);
        return true;
    }
}
