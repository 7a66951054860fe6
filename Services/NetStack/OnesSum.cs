using System.Runtime.InteropServices;
using CosmosHybrid.Services.Net.Protocols;

namespace CosmosHybrid.Services.NetStack;

/// <summary>The add-with-carry block sum of OnesSum.asm, installed as <see cref="InternetChecksum.BlockSum"/> when the service starts.</summary>
internal static unsafe class OnesSum
{
    [DllImport("*", EntryPoint = "net_ones_sum_blocks"), SuppressGCTransition]
    private static extern ulong SumBlocks(byte* data, nint blocks);

    private static ulong Blocks(byte* data, nint blocks) => SumBlocks(data, blocks);

    public static void Install() => InternetChecksum.BlockSum = &Blocks;
}
