namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// Where a ring's four control words sit, each in its own 64-byte line so the two sides do
/// not share a cache line for what only one writes: the producer's head, the consumer's tail,
/// and the two "I went idle, notify me" flags.
/// </summary>
/// <remarks>
/// Head and tail count frames for ever (uint, wrapping); the slot of position p is p mod
/// capacity. head - tail is the number of entries waiting, never above the capacity: a peer
/// that writes more is broken and its ring is treated as corrupt, not trusted.
/// </remarks>
public static class FrameRingControl
{
    public const int HeadOffset = 0;
    public const int TailOffset = 64;
    public const int ConsumerWaitingOffset = 128;
    public const int ProducerWaitingOffset = 192;
    public const int Bytes = 256;
}
