using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>The register part of a message: what PortCall and PortReplyWait carry in RSI, RDX, R10, R8, R9.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ShortMessage
{
    public ulong Tag;
    public ulong Word0;
    public ulong Word1;
    public ulong Word2;
    public ulong Word3;

    public ShortMessage(ulong tag, ulong word0 = 0, ulong word1 = 0, ulong word2 = 0, ulong word3 = 0)
    {
        Tag = tag;
        Word0 = word0;
        Word1 = word1;
        Word2 = word2;
        Word3 = word3;
    }
}
