using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

// SGR: colours and attributes of the characters that follow.
public sealed partial class Terminal
{
    private void SelectGraphicRendition(ReadOnlySpan<int> parameters)
    {
        if (parameters.Length == 0)
        {
            ResetRendition();
            return;
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            int code = parameters[i] < 0 ? 0 : parameters[i];
            switch (code)
            {
                case 0:
                    ResetRendition();
                    break;
                case 1:
                    _attributes |= CellAttributes.Bold;
                    break;
                case 4:
                case 21:
                    _attributes |= CellAttributes.Underline;
                    break;
                case 7:
                    _attributes |= CellAttributes.Inverse;
                    break;
                case 22:
                    _attributes &= ~CellAttributes.Bold;
                    break;
                case 24:
                    _attributes &= ~CellAttributes.Underline;
                    break;
                case 27:
                    _attributes &= ~CellAttributes.Inverse;
                    break;
                case 38:
                case 48:
                    int used = ExtendedColor(parameters, i + 1, out TerminalColor color);
                    if (used < 0)
                    {
                        // A malformed colour makes the rest of the list unreadable.
                        return;
                    }

                    if (code == 38)
                    {
                        _foreground = color;
                    }
                    else
                    {
                        _background = color;
                    }

                    i += used;
                    break;
                case 39:
                    _foreground = TerminalColor.Default;
                    break;
                case 49:
                    _background = TerminalColor.Default;
                    break;
                default:
                    if (code >= 30 && code <= 37)
                    {
                        _foreground = TerminalColor.Indexed(code - 30);
                    }
                    else if (code >= 40 && code <= 47)
                    {
                        _background = TerminalColor.Indexed(code - 40);
                    }
                    else if (code >= 90 && code <= 97)
                    {
                        _foreground = TerminalColor.Indexed(code - 90 + 8);
                    }
                    else if (code >= 100 && code <= 107)
                    {
                        _background = TerminalColor.Indexed(code - 100 + 8);
                    }

                    // Others (faint, italic, blink, hidden, strike...) are not shown.
                    break;
            }
        }
    }

    /// <summary>
    /// Reads "5;n" or "2;r;g;b" at <paramref name="start"/>; returns how many parameters it
    /// used, or -1 when they are missing or out of range.
    /// </summary>
    private static int ExtendedColor(ReadOnlySpan<int> parameters, int start, out TerminalColor color)
    {
        color = TerminalColor.Default;
        if (start >= parameters.Length)
        {
            return -1;
        }

        if (parameters[start] == 5)
        {
            if (start + 1 >= parameters.Length || parameters[start + 1] < 0 || parameters[start + 1] > 255)
            {
                return -1;
            }

            color = TerminalColor.Indexed(parameters[start + 1]);
            return 2;
        }

        if (parameters[start] == 2)
        {
            if (start + 3 >= parameters.Length)
            {
                return -1;
            }

            int red = parameters[start + 1];
            int green = parameters[start + 2];
            int blue = parameters[start + 3];
            if (red > 255 || green > 255 || blue > 255)
            {
                return -1;
            }

            // An omitted component is 0.
            color = TerminalColor.Rgb(red < 0 ? 0 : red, green < 0 ? 0 : green, blue < 0 ? 0 : blue);
            return 4;
        }

        return -1;
    }

    private void ResetRendition()
    {
        _foreground = TerminalColor.Default;
        _background = TerminalColor.Default;
        _attributes = CellAttributes.None;
    }
}
