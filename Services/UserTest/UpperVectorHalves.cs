using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// The upper halves of the YMM registers, for the register checks (UserTest.asm): whether the
/// CPU has them, filling them from a seed, and counting the ones that no longer hold it.
/// </summary>
internal static class UpperVectorHalves
{
    [DllImport("*", EntryPoint = "usertest_has_avx"), SuppressGCTransition]
    private static extern int HasAvxNative();

    public static bool Exist => HasAvxNative() != 0;

    [DllImport("*", EntryPoint = "usertest_fill_ymm_high"), SuppressGCTransition]
    public static extern void Fill(ulong seed);

    [DllImport("*", EntryPoint = "usertest_check_ymm_high"), SuppressGCTransition]
    public static extern ulong CountLost(ulong seed);
}
