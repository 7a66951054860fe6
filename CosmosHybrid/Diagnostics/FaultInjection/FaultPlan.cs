using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Diagnostics.FaultInjection;

/// <summary>
/// Chooses a fault from a seed (pure: host-tested). The choices are those a hardware or
/// software error could make of one process's state, kept to what the kernel can hand back to
/// ring 3 safely: instruction and stack pointers keep canonical user addresses (bits 0 to 46;
/// a non-canonical RIP would fault in the kernel's own SYSRET/IRET), and of RFLAGS only the
/// arithmetic and direction flags flip (never IOPL, the trap or the interrupt flag).
/// </summary>
internal static class FaultPlan
{
    public const int RegisterCount = (int)UserRegister.Rflags + 1;
    public const int PageBits = 4096 * 8;
    public const int MaxFailedCalls = 8;

    /// <summary>The highest bit a flip may touch in an instruction or stack pointer: user addresses stay below 2^47.</summary>
    public const int AddressBits = 47;

    /// <summary>The RFLAGS bits a flip may touch: CF (0), PF (2), AF (4), ZF (6), SF (7), DF (10), OF (11).</summary>
    public const ulong FlagBits = 0xCD5;

    private const int FlagBitCount = 7;

    public static FaultChoice Choose(ulong seed, FaultKind requested)
    {
        var random = new SplitMix64(seed);
        FaultKind kind = requested == FaultKind.Any ? (FaultKind)(long)random.Below(5) : requested;
        switch (kind)
        {
            case FaultKind.Register:
                var register = (UserRegister)(int)random.Below(RegisterCount);
                return new FaultChoice(kind, register, RegisterBit(register, random.Next()), 0, 0);
            case FaultKind.SystemCalls:
                return new FaultChoice(kind, 0, 0, 0, 1 + (int)random.Below(MaxFailedCalls));
            default:
                int bit = (int)random.Below(PageBits);
                return new FaultChoice(kind, 0, bit, random.Next(), 0);
        }
    }

    /// <summary>True for the kinds <see cref="Choose"/> knows (and <see cref="FaultKind.Any"/>).</summary>
    public static bool IsKnown(FaultKind kind) => kind >= FaultKind.Any && kind <= FaultKind.SystemCalls;

    /// <summary>A bit of <paramref name="register"/> that is safe to flip, from a random number.</summary>
    public static int RegisterBit(UserRegister register, ulong random) => register switch
    {
        UserRegister.Rip or UserRegister.Rsp => (int)(random % AddressBits),
        UserRegister.Rflags => NthFlagBit((int)(random % FlagBitCount)),
        _ => (int)(random % 64),
    };

    /// <summary>True when flipping <paramref name="bit"/> of <paramref name="register"/> is one <see cref="Choose"/> may make.</summary>
    public static bool IsSafe(UserRegister register, int bit)
    {
        if (bit < 0 || bit > 63)
            return false;
        if (register == UserRegister.Rip || register == UserRegister.Rsp)
            return bit < AddressBits;
        if (register == UserRegister.Rflags)
            return (FlagBits & (1UL << bit)) != 0;
        return true;
    }

    private static int NthFlagBit(int n)
    {
        for (int bit = 0; bit < 64; bit++)
        {
            if ((FlagBits & (1UL << bit)) != 0 && n-- == 0)
                return bit;
        }
        return 0;
    }
}
