namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>
/// The requests of the `ui` port: the tag of a PortCallEx. Every request but
/// <see cref="Connect"/> and the input ones starts with Word0 = client id and Word1 = the
/// client's token (both from the connect reply). The reply's tag is a <see cref="UiError"/>
/// (0 for success) and its words the results named here.
/// </summary>
public enum UiRequest : ulong
{
    /// <summary>Handle: a send handle to the client's event port (moved to the server). Reply: Word0 client id, Word1 token.</summary>
    Connect = 1,
    /// <summary>
    /// Word2: content width | height &lt;&lt; 32 (signed 32-bit each). Buffer: the title, UTF-8
    /// (at most <see cref="UiLimits.MaxTitleBytes"/>). Grant: the window's pixels, width × height
    /// 32-bit 0x00RRGGBB values, row after row. Reply: Word0 window id.
    /// </summary>
    CreateWindow = 2,
    /// <summary>
    /// Word2: window id | the grant's first page of the buffer &lt;&lt; 32 (<see cref="DamageGrant.PackWindow"/>);
    /// Word3: the size of the client's buffer, width | height &lt;&lt; 32 (it changes when the
    /// client redraws at a new size after a resize event). Buffer: the changed rectangles as
    /// <see cref="UiRect"/>s in content coordinates (none: the whole window). Grant: the pages of
    /// the window's buffer that hold the changed rectangles (<see cref="DamageGrant"/>; a grant
    /// lasts one call, so each damage lends them anew and the server copies the changed
    /// rectangles). Reply: Word0 rectangles taken.
    /// </summary>
    Damage = 3,
    /// <summary>Word2: window id. Buffer: the new title, UTF-8.</summary>
    SetTitle = 4,
    /// <summary>Word2: window id.</summary>
    DestroyWindow = 5,
    /// <summary>Ends the connection: the client's windows go and its event port closes.</summary>
    Disconnect = 6,

    // The control requests: the server takes them only with its control key as their buffer
    // (UiControlKey), which only the ui program's own input bridge and a test harness know.

    /// <summary>From the input driver: Word0 x, Word1 y (absolute, signed), Word2 <see cref="UiPointerButtons"/>, Word3 wheel steps (signed).</summary>
    PointerInput = 0x40,
    /// <summary>From the input driver: Word0 key code, Word1 1 pressed / 0 released, Word2 <see cref="UiModifiers"/>, Word3 the character (0 if none).</summary>
    KeyInput = 0x41,
    /// <summary>Word0..: the clock text as up to 8 ASCII bytes in Word0 (for a clock source, or tests).</summary>
    SetClock = 0x42,

    /// <summary>Ends the serving loop (tests).</summary>
    Stop = 99,
}

/// <summary>Why the server refused a request (the reply's tag).</summary>
public enum UiError : ulong
{
    None = 0,
    /// <summary>A tag the server does not know.</summary>
    UnknownRequest = 1,
    /// <summary>Client id and token do not name a connected client.</summary>
    NotConnected = 2,
    /// <summary>A width or height not positive or above <see cref="UiLimits.MaxWindowSize"/>, or more than <see cref="UiLimits.MaxWindowPixels"/> pixels.</summary>
    BadSize = 3,
    /// <summary>The request carries no page grant where the window's pixels belong.</summary>
    NotAGrant = 4,
    /// <summary>The grant is shorter than width × height × 4 bytes (a damage's grant: does not hold every changed pixel).</summary>
    GrantTooSmall = 5,
    /// <summary>The client already has <see cref="UiLimits.MaxWindowsPerClient"/> windows.</summary>
    TooManyWindows = 6,
    /// <summary>No window of this client has that id.</summary>
    NoSuchWindow = 7,
    /// <summary>The server has <see cref="UiLimits.MaxClients"/> clients.</summary>
    TooManyClients = 8,
    /// <summary>A connect without an event port handle.</summary>
    NoEventPort = 9,
    /// <summary>A title or rectangle list that is too long or not whole.</summary>
    BadBuffer = 10,
    /// <summary>The server could not get memory for the window.</summary>
    OutOfMemory = 11,
    /// <summary>A control request (input, clock, stop) without the server's control key.</summary>
    NotPermitted = 12,
}

/// <summary>The server's limits (what keeps one client from taking everything).</summary>
public static class UiLimits
{
    public const int MaxWindowSize = 4096;
    /// <summary>Pixels of one window: its buffer must fit in one grant (16 MiB, MessageShape.MaxGrantPages).</summary>
    public const long MaxWindowPixels = 4L * 1024 * 1024;
    public const int MaxWindowsPerClient = 16;
    public const int MaxClients = 32;
    public const int MaxTitleBytes = 128;
    public const int MaxDamageRects = 64;
    /// <summary>Pixels of all of one client's windows together (the server keeps a copy of each).</summary>
    public const long MaxPixelsPerClient = 8L * 1024 * 1024;
}
