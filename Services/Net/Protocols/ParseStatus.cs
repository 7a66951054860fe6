namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>What a parser made of its input. Anything but <see cref="Ok"/> means: drop and count.</summary>
public enum ParseStatus
{
    Ok,
    /// <summary>The input ends before the header (or the part a length field names) does.</summary>
    Truncated,
    /// <summary>A length field contradicts another one or the frame (too small, past the end).</summary>
    BadLength,
    BadChecksum,
    /// <summary>A version, type or code this stack does not take (not necessarily an error on the wire).</summary>
    Unsupported,
    /// <summary>A field holds a value the protocol forbids.</summary>
    BadField,
}
