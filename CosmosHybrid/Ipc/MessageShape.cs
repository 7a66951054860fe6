using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// The rules of a message's shape that need no memory access, checked by the system-call
/// layer (and Ring3Host's) while it decodes a message, and the short part of an <see cref="IpcMessage"/>.
/// </summary>
internal static class MessageShape
{
    public const ulong PageSize = 4096;

    /// <summary>The largest grant of one call: 16 MiB.</summary>
    public const ulong MaxGrantPages = 4096;

    public static bool IsBufferTooLong(ulong length) => length > IpcMessage.MaxCopyBytes;

    /// <summary>A grant travels only with a call, page-aligned and at most <see cref="MaxGrantPages"/>.</summary>
    public static bool IsValidGrant(in IpcMessage message, bool isCall) =>
        isCall && (message.GrantAddress & (PageSize - 1)) == 0 && (message.GrantLength & (PageSize - 1)) == 0
        && message.GrantLength / PageSize <= MaxGrantPages;

    public static ShortMessage ShortPartOf(in IpcMessage message) =>
        new ShortMessage(message.Tag, message.Word0, message.Word1, message.Word2, message.Word3);

    /// <summary>A received message: the short part, the rest zero.</summary>
    public static IpcMessage WithShortPart(in ShortMessage shortPart)
    {
        IpcMessage message = default;
        message.Tag = shortPart.Tag;
        message.Word0 = shortPart.Word0;
        message.Word1 = shortPart.Word1;
        message.Word2 = shortPart.Word2;
        message.Word3 = shortPart.Word3;
        return message;
    }
}
