using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>The rendition flags of a cell that change how it is drawn.</summary>
[Flags]
public enum CellAttributes : byte
{
    None = 0,
    Bold = 1,
    Underline = 2,
    Inverse = 4,
}
