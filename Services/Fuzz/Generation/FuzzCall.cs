namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>One generated system call: the number in RAX and the six argument registers.</summary>
public struct FuzzCall
{
    public long Number;
    public long A0, A1, A2, A3, A4, A5;

    public override string ToString() =>
        Number.ToString() + "(" + A0.ToString() + ", " + A1.ToString() + ", " + A2.ToString() + ", "
        + A3.ToString() + ", " + A4.ToString() + ", " + A5.ToString() + ")";
}
