namespace CosmosHybrid.Storage.Kernel.Forwarding;

/// <summary>One node operation's turn on a <see cref="ForwardingVolume"/>, for a <c>using</c> scope that ends it.</summary>
internal readonly ref struct VolumeTurn
{
    private readonly ForwardingVolume _volume;

    public VolumeTurn(ForwardingVolume volume) => _volume = volume;

    public void Dispose() => _volume.EndTurn();
}
