using System;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Streams;

/// <summary>The end of a <see cref="Pipe"/> that writes; when no handle names it any more, readers see the end of the file.</summary>
internal sealed class PipeWriteEnd : StreamObject
{
    private readonly Pipe _pipe;

    public PipeWriteEnd(Pipe pipe) => _pipe = pipe;

    public override SyscallError Write(ReadOnlySpan<byte> source, out int written) =>
        _pipe.Write(source, out written);

    public override void OnHandleClosed(HandleRights rights)
    {
        if (References == 0)
            _pipe.CloseWriteEnd();
    }
}
