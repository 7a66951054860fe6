using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The ring-3 input driver on QEMU's i8042, booted with /etc/console-services (the window server
/// leaves the keyboard to the console): keys typed on the emulated PS/2 keyboard reach the
/// shell, with Shift and Caps Lock, and with another layout after `keymap`;
/// the mouse answers as an IntelliMouse, and a subscriber receives decoded moves, buttons,
/// the wheel and keys, which go back to the console once it is gone. One boot for all of it.
/// </summary>
public class InputTests : BootTestBase
{
    private static readonly TimeSpan KeyTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public void KeysFromThePs2KeyboardReachTheShellAndMouseEventsASubscriber()
    {
        Boot("init=init,/etc/console-services");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");
        Match driver = ExpectMatch(@"input: i8042 passed its self-test; keyboard on IRQ 1 [^\r\n]*keymap us[^\r\n]*; mouse ([^\r\n;]*) on IRQ 12; port 'input'");
        Assert.That(driver.Groups[1].Value, Does.StartWith("IntelliMouse (ID 3"));

        // Typed on the keyboard, run by the shell: the output line is the command's, not the echo.
        Machine.TypeOnKeyboard("echo hi\r");
        ExpectMatch(@"\r?\nhi\r?\n", KeyTimeout);

        // Shift+A, then Caps Lock on for B, off again for c.
        Machine.TypeOnKeyboard("echo ");
        Machine.PressKeys("shift", "a");
        Machine.PressKeys("caps_lock");
        Machine.TypeOnKeyboard("b");
        Machine.PressKeys("caps_lock");
        Machine.TypeOnKeyboard("c\r");
        ExpectMatch(@"\r?\nABc\r?\n", KeyTimeout);

        // A German layout, switched from the serial console: the key labelled Y on a US keyboard types z.
        Machine.SendLine("keymap de");
        ExpectOutput("keymap: de", KeyTimeout);
        Machine.TypeOnKeyboard("echo y\r");
        ExpectMatch(@"\r?\nz\r?\n", KeyTimeout);
        Machine.SendLine("keymap us");
        ExpectOutput("keymap: us", KeyTimeout);
        Machine.SendLine("keymap xx");
        ExpectOutput("keymap: no layout 'xx'", KeyTimeout);

        // A subscriber gets the mouse (moved right and down with the left button held, then the
        // wheel turned up) and the keys; Escape ends it.
        Machine.SendLine("spawn usertest input-events");
        ExpectOutput("input-events: subscribed", KeyTimeout);
        Machine.MouseEvent(10, 5, ("left", true));
        ExpectOutput("input-events: mouse dx=10 dy=5 wheel=0 buttons=left", KeyTimeout);
        Machine.MouseEvent(0, 0, ("left", false));
        Machine.MouseEvent(0, 0, ("wheel-up", true));
        Machine.MouseEvent(0, 0, ("wheel-up", false));
        ExpectOutput("input-events: mouse dx=0 dy=0 wheel=1 buttons=none", KeyTimeout);
        Machine.TypeOnKeyboard("q");
        ExpectOutput("input-events: key 0x10 down text 'q'", KeyTimeout);   // Q: scan code 10h
        ExpectOutput("input-events: key 0x10 up", KeyTimeout);
        Machine.PressKeys("esc");
        ExpectOutput("input-events: done", KeyTimeout);

        // The subscriber is gone: keys go to the shell again.
        Machine.TypeOnKeyboard("echo back\r");
        ExpectMatch(@"\r?\nback\r?\n", KeyTimeout);
        Assert.That(Machine.SerialLog, Does.Not.Match("(?i)panic|ended with status"), "neither the driver nor anything else died");
    }
}
