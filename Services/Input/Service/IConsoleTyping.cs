using System;

namespace CosmosHybrid.Services.Input.Service;

/// <summary>Where typed text goes while no one subscribes: the kernel's console input (the shell reads it).</summary>
public interface IConsoleTyping
{
    /// <summary>Types <paramref name="utf8"/> as if it came from the serial line.</summary>
    void Type(ReadOnlySpan<byte> utf8);
}
