using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Mouse;

namespace CosmosHybrid.Services.Input.Protocol;

/// <summary>
/// A mouse event as the driver sends it to subscribers: Word0 and Word1 the movement (x right,
/// y down; two's complement), Word2 the wheel (notches, positive up), Word3 the buttons held
/// (<see cref="MouseButtons"/>).
/// </summary>
public static class MouseEventMessage
{
    // A PS/2 packet moves at most 255 either way, a wheel at most 8 notches.
    private const long MaxDelta = 512;
    private const long MaxWheel = 16;
    private const MouseButtons KnownButtons = MouseButtons.Left | MouseButtons.Right | MouseButtons.Middle;

    public static IpcMessage ToMessage(MouseEvent mouseEvent)
    {
        var message = default(IpcMessage);
        message.Tag = (ulong)InputMessageTag.MouseEvent;
        message.Word0 = (ulong)(long)mouseEvent.DeltaX;
        message.Word1 = (ulong)(long)mouseEvent.DeltaY;
        message.Word2 = (ulong)(long)mouseEvent.Wheel;
        message.Word3 = (ulong)mouseEvent.Buttons;
        return message;
    }

    /// <summary>Reads a mouse event; false for anything else or values no mouse sends.</summary>
    public static bool TryRead(in IpcMessage message, out MouseEvent mouseEvent)
    {
        mouseEvent = default;
        long dx = (long)message.Word0, dy = (long)message.Word1, wheel = (long)message.Word2;
        if (message.Tag != (ulong)InputMessageTag.MouseEvent
            || dx < -MaxDelta || dx > MaxDelta || dy < -MaxDelta || dy > MaxDelta || wheel < -MaxWheel || wheel > MaxWheel
            || (message.Word3 & ~(ulong)KnownButtons) != 0)
            return false;
        mouseEvent = new MouseEvent((int)dx, (int)dy, (int)wheel, (MouseButtons)message.Word3);
        return true;
    }
}
