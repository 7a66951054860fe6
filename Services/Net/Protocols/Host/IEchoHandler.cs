namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>Receives echo replies for the ping client.</summary>
public interface IEchoHandler
{
    void OnEchoReply(Ipv4Address source, ushort identifier, ushort sequence, System.ReadOnlySpan<byte> data, long now);
}
