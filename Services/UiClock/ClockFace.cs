using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Host;

namespace CosmosHybrid.Services.UiClock;

/// <summary>Draws the clock: an analog face with hour, minute and second hands, and the time as text beside it.</summary>
internal static class ClockFace
{
    public const int Width = 240;
    public const int Height = 140;
    public const uint Background = 0x0018_2838;
    public const uint Dial = 0x00E8_E8E8;
    public const uint Second = 0x00E0_4040;
    public const uint Text = 0x00FF_FFFF;

    private const int CenterX = 70, CenterY = 70, Radius = 60;

    // sin(6° × k) × 1000 for k = 0..15: a minute step of the face, a quarter turn.
    private static readonly int[] s_quarterSine = { 0, 105, 208, 309, 407, 500, 588, 669, 743, 809, 866, 914, 951, 978, 995, 1000 };

    public static void Draw(Canvas canvas, IGlyphSource glyphs, long secondsOfDay)
    {
        canvas.Clear(Background);
        for (int tick = 0; tick < 60; tick++)
        {
            int inner = tick % 5 == 0 ? Radius - 8 : Radius - 3;
            canvas.DrawLine(CenterX + X(tick, inner), CenterY + Y(tick, inner), CenterX + X(tick, Radius), CenterY + Y(tick, Radius), Dial);
        }
        int seconds = (int)(secondsOfDay % 60);
        int minutes = (int)(secondsOfDay / 60 % 60);
        int hours = (int)(secondsOfDay / 3600 % 12);
        Hand(canvas, hours * 5 + minutes / 12, Radius / 2, Dial, thick: true);
        Hand(canvas, minutes, Radius - 12, Dial, thick: true);
        Hand(canvas, seconds, Radius - 6, Second, thick: false);
        if (glyphs != null)
            canvas.DrawText(glyphs, 2 * CenterX + 8, CenterY - glyphs.CellHeight / 2, ClockText.Format(secondsOfDay), Text);
    }

    private static void Hand(Canvas canvas, int minute, int length, uint color, bool thick)
    {
        int x = CenterX + X(minute, length), y = CenterY + Y(minute, length);
        canvas.DrawLine(CenterX, CenterY, x, y, color);
        if (thick)
        {
            canvas.DrawLine(CenterX + 1, CenterY, x + 1, y, color);
            canvas.DrawLine(CenterX, CenterY + 1, x, y + 1, color);
        }
    }

    /// <summary>Horizontal offset of the face's minute mark <paramref name="minute"/> at <paramref name="length"/> pixels from the centre.</summary>
    private static int X(int minute, int length) => Sine(minute) * length / 1000;

    /// <summary>Vertical offset (down is positive; minute 0 points up).</summary>
    private static int Y(int minute, int length) => -Sine(minute + 15) * length / 1000;

    private static int Sine(int minute)
    {
        minute = ((minute % 60) + 60) % 60;
        if (minute <= 15)
            return s_quarterSine[minute];
        if (minute <= 30)
            return s_quarterSine[30 - minute];
        if (minute <= 45)
            return -s_quarterSine[minute - 30];
        return -s_quarterSine[60 - minute];
    }
}
