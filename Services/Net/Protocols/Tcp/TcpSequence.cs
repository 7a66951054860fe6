namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>Comparisons in the 32-bit sequence space, which wraps (RFC 9293 3.4).</summary>
public static class TcpSequence
{
    public static bool Less(uint a, uint b) => (int)(a - b) < 0;
    public static bool LessOrEqual(uint a, uint b) => (int)(a - b) <= 0;
    public static bool Greater(uint a, uint b) => (int)(a - b) > 0;
    public static bool GreaterOrEqual(uint a, uint b) => (int)(a - b) >= 0;
    public static uint Max(uint a, uint b) => Greater(a, b) ? a : b;
    public static uint Min(uint a, uint b) => Less(a, b) ? a : b;
}
