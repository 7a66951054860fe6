namespace CosmosHybrid.Services.Input.Mouse;

/// <summary>
/// One mouse packet: the movement since the last one in screen directions (x to the right,
/// y downwards: PS/2 counts y upwards, the decoder turns it round), the wheel in notches
/// (positive when turned away from the user, "up"), and the buttons held now.
/// </summary>
public readonly struct MouseEvent
{
    public MouseEvent(int deltaX, int deltaY, int wheel, MouseButtons buttons)
    {
        DeltaX = deltaX;
        DeltaY = deltaY;
        Wheel = wheel;
        Buttons = buttons;
    }

    public int DeltaX { get; }

    public int DeltaY { get; }

    public int Wheel { get; }

    public MouseButtons Buttons { get; }

    public override string ToString()
    {
        string text = "dx=" + DeltaX.ToString() + " dy=" + DeltaY.ToString() + " wheel=" + Wheel.ToString() + " buttons=";
        if (Buttons == MouseButtons.None)
            return text + "none";
        string names = "";
        if ((Buttons & MouseButtons.Left) != 0)
            names += "left";
        if ((Buttons & MouseButtons.Middle) != 0)
            names += (names.Length > 0 ? "+" : "") + "middle";
        if ((Buttons & MouseButtons.Right) != 0)
            names += (names.Length > 0 ? "+" : "") + "right";
        return text + names;
    }
}
