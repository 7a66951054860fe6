using System.Text;
using CosmosHybrid.Services.Input.Keyboard;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Input.Keyboard;

public class KeyTranslatorTests
{
    private static KeyEvent Down(Key key) => new KeyEvent(key, pressed: true);

    private static KeyEvent Up(Key key) => new KeyEvent(key, pressed: false);

    // Types the keys (modifiers given as Down/Up events) and returns everything typed.
    private static string Type(string layout, params KeyEvent[] events)
    {
        var translator = new KeyTranslator(KeyboardLayouts.Find(layout));
        var text = new StringBuilder();
        foreach (KeyEvent keyEvent in events)
            text.Append(translator.Translate(keyEvent));
        return text.ToString();
    }

    private static KeyEvent[] Tap(Key key) => new[] { Down(key), Up(key) };

    private static KeyEvent[] With(Key modifier, Key key) => new[] { Down(modifier), Down(key), Up(key), Up(modifier) };

    [TestCase("us", Key.Y, "y")]
    [TestCase("de", Key.Y, "z")]
    [TestCase("fr", Key.Q, "a")]
    [TestCase("fr", Key.D2, "é")]
    [TestCase("de", Key.Semicolon, "ö")]
    [TestCase("uk", Key.Backslash, "#")]
    [TestCase("de", Key.Iso102, "<")]
    public void LayoutsPutTheirCharactersOnThePhysicalKeys(string layout, Key key, string expected) =>
        Assert.That(Type(layout, Tap(key)), Is.EqualTo(expected));

    [TestCase("us", Key.D2, "@")]
    [TestCase("uk", Key.D2, "\"")]
    [TestCase("uk", Key.D3, "£")]
    [TestCase("de", Key.D7, "/")]
    [TestCase("fr", Key.D1, "1")]
    [TestCase("fr", Key.M, "?")]
    public void ShiftGivesTheSecondLevel(string layout, Key key, string expected) =>
        Assert.That(Type(layout, With(Key.LeftShift, key)), Is.EqualTo(expected));

    [TestCase("de", Key.Q, "@")]
    [TestCase("de", Key.E, "€")]
    [TestCase("de", Key.D7, "{")]
    [TestCase("fr", Key.D0, "@")]
    [TestCase("uk", Key.D4, "€")]
    public void AltGrGivesTheThirdLevel(string layout, Key key, string expected) =>
        Assert.That(Type(layout, With(Key.RightAlt, key)), Is.EqualTo(expected));

    [Test]
    public void OnUsRightAltIsAltAndPrefixesEscape() =>
        Assert.That(Type("us", With(Key.RightAlt, Key.Q)), Is.EqualTo("\u001bq"));

    [Test]
    public void DeadKeysComposeWithTheNextLetter()
    {
        Assert.That(Type("de", Down(Key.Equals), Up(Key.Equals), Down(Key.E)), Is.EqualTo("é"));
        Assert.That(Type("de", Down(Key.Grave), Down(Key.O)), Is.EqualTo("ô"));
        Assert.That(Type("fr", Down(Key.LeftShift), Down(Key.LeftBracket), Up(Key.LeftShift), Down(Key.I)), Is.EqualTo("ï"));
        Assert.That(Type("de", Down(Key.Grave), Down(Key.Space)), Is.EqualTo("^"), "accent then space types the accent");
        Assert.That(Type("de", Down(Key.Grave), Down(Key.X)), Is.EqualTo("^x"), "no accented x: both as typed");
    }

    [Test]
    public void CapsLockCapitalisesLettersOnly()
    {
        KeyEvent[] capsOn = Tap(Key.CapsLock);
        Assert.That(Type("us", capsOn[0], capsOn[1], Down(Key.A), Down(Key.D1)), Is.EqualTo("A1"));
        Assert.That(Type("us", capsOn[0], capsOn[1], Down(Key.LeftShift), Down(Key.A)), Is.EqualTo("a"), "Shift undoes Caps Lock");
        Assert.That(Type("fr", capsOn[0], capsOn[1], Down(Key.D2), Down(Key.Q)), Is.EqualTo("éA"), "é's key types 2 with Shift: not a letter pair");
        Assert.That(Type("de", capsOn[0], capsOn[1], Down(Key.Semicolon)), Is.EqualTo("Ö"));
    }

    [Test]
    public void LockKeysToggleOnPressAndDriveTheLeds()
    {
        var translator = new KeyTranslator(KeyboardLayouts.UnitedStates());
        translator.Translate(Down(Key.CapsLock));
        translator.Translate(Down(Key.CapsLock)); // typematic repeat: no second toggle
        translator.Translate(Up(Key.CapsLock));
        translator.Translate(Down(Key.NumLock));
        translator.Translate(Up(Key.NumLock));
        Assert.That(translator.State.LedBits, Is.EqualTo(4 | 2));
        translator.Translate(Down(Key.CapsLock));
        Assert.That(translator.State.LedBits, Is.EqualTo(2));
        Assert.That(translator.State.LockGeneration, Is.EqualTo(3));
    }

    [Test]
    public void BothShiftsMustBeReleased() =>
        Assert.That(Type("us", Down(Key.LeftShift), Down(Key.RightShift), Up(Key.LeftShift), Down(Key.A)), Is.EqualTo("A"));

    [Test]
    public void ControlLettersAndTerminalKeys()
    {
        Assert.That(Type("us", With(Key.LeftControl, Key.C)), Is.EqualTo("\u0003"));
        Assert.That(Type("de", With(Key.LeftControl, Key.Y)), Is.EqualTo("\u001a"), "Ctrl+Z where German prints Z");
        Assert.That(Type("us", Tap(Key.Up)), Is.EqualTo("\u001b[A"));
        Assert.That(Type("us", Tap(Key.Delete)), Is.EqualTo("\u001b[3~"));
        Assert.That(Type("us", Tap(Key.F1)), Is.EqualTo("\u001bOP"));
        Assert.That(Type("us", Tap(Key.Enter)), Is.EqualTo("\r"));
        Assert.That(Type("us", Tap(Key.Backspace)), Is.EqualTo("\u007f"));
        Assert.That(Type("us", With(Key.LeftShift, Key.Tab)), Is.EqualTo("\u001b[Z"));
    }

    [Test]
    public void KeypadFollowsNumLock()
    {
        Assert.That(Type("us", Tap(Key.Keypad8)), Is.EqualTo("\u001b[A"));
        KeyEvent[] numLock = Tap(Key.NumLock);
        Assert.That(Type("us", numLock[0], numLock[1], Down(Key.Keypad8), Down(Key.KeypadPeriod)), Is.EqualTo("8."));
    }

    [Test]
    public void SwitchingLayoutDropsAPendingDeadKey()
    {
        var translator = new KeyTranslator(KeyboardLayouts.German());
        translator.Translate(Down(Key.Grave));
        translator.Layout = KeyboardLayouts.UnitedStates();
        Assert.That(translator.Translate(Down(Key.A)), Is.EqualTo("a"));
    }

    [Test]
    public void EveryLayoutIsFoundByName()
    {
        foreach (string name in KeyboardLayouts.Names)
            Assert.That(KeyboardLayouts.Find(name).Name, Is.EqualTo(name));
        Assert.That(KeyboardLayouts.Find("xx"), Is.Null);
    }
}
