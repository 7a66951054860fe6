using CosmosHybrid.Services.Net.FramePath;

namespace CosmosHybrid.Services.E1000;

/// <summary>
/// The one client attached to the driver: its pool (lent by its Attach call, which the
/// holder thread keeps open), the port the driver notifies, and the driver's ends of the
/// two rings (it produces received frames and consumes frames to send).
/// </summary>
internal sealed class ClientAttachment
{
    public ClientAttachment(FramePool pool, long notifyPort, long holderPort)
    {
        Pool = pool;
        NotifyPort = notifyPort;
        HolderPort = holderPort;
        Receive = pool.ReceiveProducer();
        Transmit = pool.TransmitConsumer();
    }

    public FramePool Pool { get; }

    /// <summary>A send handle to the client's port (moved to us with the Attach).</summary>
    public long NotifyPort { get; }

    /// <summary>The port the holder thread waits on until the attachment ends.</summary>
    public long HolderPort { get; }

    public FrameRingProducer Receive;
    public FrameRingConsumer Transmit;

    /// <summary>Set once the client's rings broke the rules (the driver stops using them).</summary>
    public bool Broken;
}
