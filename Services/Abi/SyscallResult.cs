namespace CosmosHybrid.Services.Abi;

/// <summary>
/// How a system call's result carries an error: zero or more is success (a count, a
/// handle, an address), a negative value is a <see cref="SyscallError"/> negated.
/// </summary>
public static class SyscallResult
{
    /// <summary>The result that reports <paramref name="error"/> (0 for <see cref="SyscallError.None"/>).</summary>
    public static long Error(SyscallError error) => -(long)error;
}
