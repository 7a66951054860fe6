namespace CosmosHybrid.Services.Input.Mouse;

/// <summary>
/// What a PS/2 pointing device answers to Get Device ID (0xF2), and the knock that turns a
/// wheel mouse on: Microsoft's IntelliMouse protocol answers ID 3 (and sends four-byte
/// packets, the fourth the wheel) after the sample rates 200, 100, 80 are set in a row.
/// </summary>
public static class PointingDeviceId
{
    /// <summary>A plain PS/2 mouse: three-byte packets, no wheel.</summary>
    public const byte Standard = 0;

    /// <summary>An IntelliMouse: four-byte packets with the wheel.</summary>
    public const byte IntelliMouse = 3;

    /// <summary>An IntelliMouse Explorer (buttons 4 and 5 too); not asked for here, so not expected.</summary>
    public const byte Explorer = 4;

    /// <summary>The sample rates that, set in this order, make an IntelliMouse show itself.</summary>
    public static readonly byte[] IntelliMouseKnock = { 200, 100, 80 };

    /// <summary>True when packets from a device with <paramref name="id"/> have the fourth (wheel) byte.</summary>
    public static bool HasWheel(int id) => id == IntelliMouse || id == Explorer;

    /// <summary>How the driver's log line names the device.</summary>
    public static string Describe(int id) => id switch
    {
        Standard => "PS/2 mouse (ID 0, 3-byte packets)",
        IntelliMouse => "IntelliMouse (ID 3, wheel, 4-byte packets)",
        Explorer => "IntelliMouse Explorer (ID 4, wheel, 4-byte packets)",
        _ => "pointing device with ID " + id.ToString(),
    };
}
