using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>
/// The key that makes a message one of the server's control requests (<see cref="UiRequest.PointerInput"/>,
/// <see cref="UiRequest.KeyInput"/>, <see cref="UiRequest.SetClock"/>, <see cref="UiRequest.Stop"/>).
/// Anyone may hold a send handle to the public port `ui`, and a port does not say who sent a message,
/// so the key travels as the message's 8-byte buffer. It is chosen at random when the server starts
/// and known only to the ui program's own threads (its input bridge) or the harness that built the
/// server: a client that sends a keystroke or a Stop gets <see cref="UiError.NotPermitted"/>.
/// </summary>
public static unsafe class UiControlKey
{
    public const int Length = sizeof(ulong);

    public static bool IsControl(ulong tag) => (UiRequest)tag is UiRequest.PointerInput or UiRequest.KeyInput
        or UiRequest.SetClock or UiRequest.Stop;

    /// <summary>Makes <paramref name="message"/> carry the key at <paramref name="key"/> (which must stay put until it is sent).</summary>
    public static void Attach(ref IpcMessage message, ulong* key)
    {
        message.BufferAddress = (ulong)key;
        message.BufferLength = Length;
    }

    /// <summary>Whether a received request's buffer is exactly <paramref name="key"/>.</summary>
    public static bool Matches(in IpcMessage request, ulong key) =>
        request.BufferLength == Length && request.BufferAddress != 0 && *(ulong*)request.BufferAddress == key;
}
