namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>A key went down (or repeated while held: typematic) or came up.</summary>
public readonly struct KeyEvent
{
    public KeyEvent(Key key, bool pressed)
    {
        Key = key;
        Pressed = pressed;
    }

    public Key Key { get; }

    public bool Pressed { get; }

    public override string ToString() => Key.ToString() + (Pressed ? " down" : " up");
}
