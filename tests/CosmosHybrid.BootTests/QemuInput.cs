using System;
using System.Text.Json.Nodes;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The emulated PS/2 keyboard and mouse, driven through QMP (<c>send-key</c> and
/// <c>input-send-event</c>): unlike <see cref="QemuMachine.SendKeys"/>, which types on the serial
/// line, these reach the guest through the i8042 and its ring-3 driver.
/// </summary>
public static class QemuInput
{
    /// <summary>Presses the keys together (a chord, e.g. "shift", "a") and releases them, as QEMU's <c>send-key</c> does.</summary>
    public static void PressKeys(this QemuMachine machine, params string[] qcodes)
    {
        var keys = new JsonArray();
        foreach (string qcode in qcodes)
            keys.Add(new JsonObject { ["type"] = "qcode", ["data"] = qcode });
        machine.Qmp.Execute("send-key", new JsonObject { ["keys"] = keys, ["hold-time"] = 30 });
    }

    /// <summary>
    /// Types <paramref name="text"/> key by key on the PS/2 keyboard, by the keys' US names:
    /// lower-case letters, digits, space, '-', '.', '/' and '\r' (Enter).
    /// </summary>
    public static void TypeOnKeyboard(this QemuMachine machine, string text)
    {
        foreach (char c in text)
            machine.PressKeys(QcodeOf(c));
    }

    /// <summary>Moves the mouse by (dx, dy) screen pixels (y downwards) and sets buttons ("left", "middle", "right", "wheel-up"...) in one go.</summary>
    public static void MouseEvent(this QemuMachine machine, int dx, int dy, params (string Button, bool Down)[] buttons)
    {
        var events = new JsonArray();
        if (dx != 0)
            events.Add(Relative("x", dx));
        if (dy != 0)
            events.Add(Relative("y", dy));
        foreach ((string button, bool down) in buttons)
            events.Add(new JsonObject { ["type"] = "btn", ["data"] = new JsonObject { ["down"] = down, ["button"] = button } });
        machine.Qmp.Execute("input-send-event", new JsonObject { ["events"] = events });
    }

    private static JsonObject Relative(string axis, int value) =>
        new() { ["type"] = "rel", ["data"] = new JsonObject { ["axis"] = axis, ["value"] = value } };

    private static string QcodeOf(char c) => c switch
    {
        >= 'a' and <= 'z' => c.ToString(),
        >= '0' and <= '9' => c.ToString(),
        ' ' => "spc",
        '-' => "minus",
        '.' => "dot",
        '/' => "slash",
        '\r' => "ret",
        _ => throw new ArgumentException($"no key for '{c}' in this helper"),
    };
}
