using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Terminal.Session;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Terminal.Program;

/// <summary>Window buffers from MapMemory (page-aligned and zeroed, as grants need).</summary>
internal sealed class MappedWindowMemory : IWindowMemory
{
    public ulong Map(long pages)
    {
        long address = SystemCall.Call(SyscallNumber.MapMemory, pages);
        return address < 0 ? 0 : (ulong)address;
    }

    public void Unmap(ulong address, long pages) => SystemCall.Call(SyscallNumber.UnmapMemory, (long)address, pages);
}
