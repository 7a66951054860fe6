using System;

namespace CosmosHybrid.Services.Input.Mouse;

/// <summary>The mouse buttons held (the bits of a PS/2 packet's first byte, in the same order).</summary>
[Flags]
public enum MouseButtons
{
    None = 0,
    Left = 1,
    Right = 2,
    Middle = 4,
}
