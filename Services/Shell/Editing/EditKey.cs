namespace CosmosHybrid.Services.Shell.Editing;

/// <summary>What a key typed at the terminal asks the line editor to do.</summary>
public enum EditKeyKind
{
    /// <summary>Insert <see cref="EditKey.Text"/> (one whole character) at the cursor.</summary>
    Text,
    Enter,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    HistoryPrevious,
    HistoryNext,
    Complete,
    /// <summary>Ctrl+U: clear the line.</summary>
    ClearLine,
    /// <summary>Ctrl+C: drop the line and start a new one.</summary>
    Cancel,
}

/// <summary>One decoded key: its kind and, for <see cref="EditKeyKind.Text"/>, the character.</summary>
public readonly struct EditKey
{
    public EditKey(EditKeyKind kind, string text = null)
    {
        Kind = kind;
        Text = text;
    }

    public EditKeyKind Kind { get; }

    public string Text { get; }
}
