namespace CosmosHybrid.Services.UserTest;

/// <summary>A link of the chains the heap scenarios keep alive or throw away.</summary>
internal sealed class HeapNode
{
    public int Value;
    public HeapNode Next;
    public string Text;
}
