using System;
using CosmosHybrid.Services.Input.Service;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Input.Driver;

/// <summary>Types into the kernel's console input through a stream handle from ConsoleInputOpen.</summary>
internal sealed unsafe class StreamConsoleTyping : IConsoleTyping
{
    private readonly long _handle;

    public StreamConsoleTyping(long handle) => _handle = handle;

    public void Type(ReadOnlySpan<byte> utf8)
    {
        fixed (byte* bytes = utf8)
            StreamCalls.Write(_handle, bytes, utf8.Length);
    }
}
