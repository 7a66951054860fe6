namespace CosmosHybrid.Services.UserRuntime;

/// <summary>The check every (array, offset, count) overload makes before it pins the array for a system call.</summary>
internal static class ArrayRange
{
    public static bool IsValid(byte[] buffer, int offset, int count) =>
        buffer != null && offset >= 0 && count >= 0 && offset <= buffer.Length - count;
}
