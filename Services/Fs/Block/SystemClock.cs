using CosmosHybrid.Drivers.Rtc;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;
using CosmosHybrid.Storage.Fat;

namespace CosmosHybrid.Services.Fs.Block;

/// <summary>File timestamps in ring 3: the kernel's wall clock (GetWallClock), as the kernel's FAT mount uses it.</summary>
internal sealed class SystemClock : IFatClock
{
    /// <summary>A clock, or null when the kernel has no wall clock (timestamps then stay at the FAT epoch).</summary>
    public static SystemClock Start() =>
        SystemCall.Call(SyscallNumber.GetWallClock) > 0 ? new SystemClock() : null;

    public FatTimestamp Now
    {
        get
        {
            CivilTime now = CivilTime.FromUnixSeconds(SystemCall.Call(SyscallNumber.GetWallClock));
            return FatTimestamp.FromParts(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second);
        }
    }
}
