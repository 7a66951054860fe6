using System;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Streams;

/// <summary>The end of a <see cref="Pipe"/> that reads; when no handle names it any more, writers get PeerClosed.</summary>
internal sealed class PipeReadEnd : StreamObject
{
    private readonly Pipe _pipe;

    public PipeReadEnd(Pipe pipe) => _pipe = pipe;

    public override SyscallError Read(Span<byte> destination, bool wait, out int count) =>
        _pipe.Read(destination, wait, out count);

    public override void OnHandleClosed(HandleRights rights)
    {
        if (References == 0)
            _pipe.CloseReadEnd();
    }
}
