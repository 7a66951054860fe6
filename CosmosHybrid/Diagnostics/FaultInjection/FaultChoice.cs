using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Diagnostics.FaultInjection;

/// <summary>One fault, chosen by <see cref="FaultPlan"/> from a seed; the kernel applies it (<see cref="FaultInjector"/>).</summary>
internal readonly struct FaultChoice
{
    public FaultChoice(FaultKind kind, UserRegister register, int bit, ulong pick, int count)
    {
        Kind = kind;
        Register = register;
        Bit = bit;
        Pick = pick;
        Count = count;
    }

    public FaultKind Kind { get; }

    /// <summary>For <see cref="FaultKind.Register"/>: which register.</summary>
    public UserRegister Register { get; }

    /// <summary>The bit to flip: of the register, or of the page (0 to 32767).</summary>
    public int Bit { get; }

    /// <summary>For the page kinds: which of the matching pages (taken modulo their number).</summary>
    public ulong Pick { get; }

    /// <summary>For <see cref="FaultKind.SystemCalls"/>: how many calls fail.</summary>
    public int Count { get; }
}
