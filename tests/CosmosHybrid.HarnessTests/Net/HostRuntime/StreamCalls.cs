using System;
using System.IO;
using CosmosHybrid.HarnessTests.Net.HostRuntime;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>Standard input and output on the host: the program's <see cref="HostProgram"/> streams.</summary>
internal static unsafe class StreamCalls
{
    public static long Read(long handle, byte* buffer, long capacity)
    {
        if (handle != StandardStreams.Input)
            throw new NotSupportedException("reading handle " + handle + " on the host");
        return HostProgram.Current.Input.Read(new Span<byte>(buffer, (int)Math.Min(capacity, int.MaxValue)));
    }

    public static long Write(long handle, byte* bytes, long count)
    {
        Stream output = handle == StandardStreams.Output ? HostProgram.Current.Output
            : throw new NotSupportedException("writing handle " + handle + " on the host");
        output.Write(new ReadOnlySpan<byte>(bytes, (int)count));
        return count;
    }
}

/// <summary>The standard handles' numbers, as the spawner hands them out.</summary>
internal static class StandardStreams
{
    public const long Input = 1;
    public const long Output = 2;
}
