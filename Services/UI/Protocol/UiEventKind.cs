namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>What the server tells a client about one of its windows: the tag of an event message.</summary>
public enum UiEventKind : ulong
{
    None = 0,
    /// <summary>Word1: key code | pressed &lt;&lt; 16 | modifiers &lt;&lt; 24; Word2: the character typed (0 if none).</summary>
    Key = 0x100,
    /// <summary>Word1: x | y &lt;&lt; 32 in content coordinates (signed 32-bit each); Word2: buttons held; Word3: wheel steps (signed).</summary>
    Pointer = 0x101,
    /// <summary>Word1: new content width; Word2: new content height. The client should draw at the new size.</summary>
    Resize = 0x102,
    /// <summary>Word1: 1 gained, 0 lost.</summary>
    Focus = 0x103,
    /// <summary>The user pressed the close button; the client decides (usually: destroy the window).</summary>
    Close = 0x104,
}
