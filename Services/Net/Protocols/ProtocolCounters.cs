namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>One protocol's counters for a <c>netstat -s</c> listing.</summary>
public sealed class ProtocolCounters
{
    public readonly string Name;
    public long Received;
    public long Sent;
    public long Delivered;
    public long Truncated;
    public long BadLength;
    public long BadChecksum;
    public long Unsupported;
    public long BadField;
    /// <summary>Well-formed input that was not wanted or could not be kept (no listener, queue full, expired).</summary>
    public long Dropped;

    public ProtocolCounters(string name) => Name = name;

    /// <summary>Counts a parse failure under its status; returns true for <see cref="ParseStatus.Ok"/>.</summary>
    public bool Count(ParseStatus status)
    {
        switch (status)
        {
            case ParseStatus.Ok: return true;
            case ParseStatus.Truncated: Truncated++; break;
            case ParseStatus.BadLength: BadLength++; break;
            case ParseStatus.BadChecksum: BadChecksum++; break;
            case ParseStatus.Unsupported: Unsupported++; break;
            default: BadField++; break;
        }
        return false;
    }

    public long Errors => Truncated + BadLength + BadChecksum + Unsupported + BadField;
}
