namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>The colours the server paints with (0x00RRGGBB).</summary>
public sealed class Theme
{
    public uint Desktop = 0x002E_5E8C;
    public uint TopBar = 0x0020_2020;
    public uint TopBarText = 0x00E0_E0E0;
    public uint Button = 0x0040_6040;
    public uint ButtonText = 0x00FF_FFFF;
    public uint Border = 0x0050_5050;
    public uint FocusedBorder = 0x0030_70C0;
    public uint TitleBar = 0x0070_7070;
    public uint FocusedTitleBar = 0x0040_80D0;
    public uint TitleText = 0x00FF_FFFF;
    public uint CloseButton = 0x00C0_3030;
    public uint CloseMark = 0x00FF_FFFF;
    /// <summary>Content area the client has not drawn yet (a window just created or grown).</summary>
    public uint WindowBackground = 0x00F0_F0F0;
    public uint CursorInk = 0x0000_0000;
    public uint CursorFill = 0x00FF_FFFF;
}
