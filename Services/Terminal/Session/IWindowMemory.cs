namespace CosmosHybrid.Services.Terminal.Session;

/// <summary>Page-aligned, zeroed memory for window pixel buffers (MapMemory in ring 3).</summary>
public interface IWindowMemory
{
    /// <summary>The address of <paramref name="pages"/> new pages, or 0 when there is no memory.</summary>
    ulong Map(long pages);

    void Unmap(ulong address, long pages);
}
