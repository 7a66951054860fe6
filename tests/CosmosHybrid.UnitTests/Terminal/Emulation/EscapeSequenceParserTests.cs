using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public class EscapeSequenceParserTests
{
    /// <summary>Writes down every call as text: P(41) X(0A) E(0,'D') C(?,0,[1;-1],'h') O(...).</summary>
    private sealed class Recorder : TerminalParserHandler
    {
        public readonly List<string> Calls = new List<string>();

        protected internal override void Print(int scalar) => Calls.Add("P" + scalar.ToString("X"));

        protected internal override void Execute(byte control) => Calls.Add("X" + control.ToString("X2"));

        protected internal override void EscapeDispatch(byte intermediate, byte final) =>
            Calls.Add("E" + (intermediate == 0 ? "" : ((char)intermediate).ToString()) + (char)final);

        protected internal override void ControlSequenceDispatch(byte privateMarker, byte intermediate, ReadOnlySpan<int> parameters, byte final)
        {
            var text = new StringBuilder("C");
            if (privateMarker != 0)
            {
                text.Append((char)privateMarker);
            }

            text.Append('[');
            for (int i = 0; i < parameters.Length; i++)
            {
                text.Append(i == 0 ? "" : ";").Append(parameters[i]);
            }

            text.Append(']');
            if (intermediate != 0)
            {
                text.Append((char)intermediate);
            }

            text.Append((char)final);
            Calls.Add(text.ToString());
        }

        protected internal override void OperatingSystemCommand(ReadOnlySpan<byte> data) => Calls.Add("O" + Encoding.UTF8.GetString(data));
    }

    private static (List<string> Calls, EscapeSequenceParser Parser) Parse(string text)
    {
        var recorder = new Recorder();
        var parser = new EscapeSequenceParser(recorder);
        parser.Feed(Encoding.UTF8.GetBytes(text));
        return (recorder.Calls, parser);
    }

    private static (List<string> Calls, EscapeSequenceParser Parser) Parse(byte[] bytes)
    {
        var recorder = new Recorder();
        var parser = new EscapeSequenceParser(recorder);
        parser.Feed(bytes);
        return (recorder.Calls, parser);
    }

    [Test]
    public void TextAndControls()
    {
        Assert.That(Parse("a\r\n\u0007").Calls, Is.EqualTo(new[] { "P61", "X0D", "X0A", "X07" }));
    }

    [Test]
    public void DeleteIsIgnored()
    {
        Assert.That(Parse("a\u007Fb").Calls, Is.EqualTo(new[] { "P61", "P62" }));
    }

    [Test]
    public void ControlSequenceWithParameters()
    {
        Assert.That(Parse("\u001b[12;34H").Calls, Is.EqualTo(new[] { "C[12;34]H" }));
    }

    [Test]
    public void OmittedParametersAreMinusOne()
    {
        Assert.That(Parse("\u001b[;5H\u001b[H\u001b[5;m").Calls, Is.EqualTo(new[] { "C[-1;5]H", "C[]H", "C[5;-1]m" }));
    }

    [Test]
    public void PrivateMarkerAndIntermediate()
    {
        Assert.That(Parse("\u001b[?1049h\u001b[>c\u001b[2 q").Calls, Is.EqualTo(new[] { "C?[1049]h", "C>[]c", "C[2] q" }));
    }

    [Test]
    public void ColonSeparatesLikeSemicolon()
    {
        Assert.That(Parse("\u001b[38:5:196m").Calls, Is.EqualTo(new[] { "C[38;5;196]m" }));
    }

    [Test]
    public void EscapeSequences()
    {
        Assert.That(Parse("\u001b7\u001b(0\u001b#8\u001bM").Calls, Is.EqualTo(new[] { "E7", "E(0", "E#8", "EM" }));
    }

    [Test]
    public void ControlInsideSequenceIsExecutedAndSequenceGoesOn()
    {
        Assert.That(Parse("\u001b[1\n2H").Calls, Is.EqualTo(new[] { "X0A", "C[12]H" }));
    }

    [Test]
    public void CancelAbortsSequence()
    {
        var (calls, parser) = Parse("\u001b[12\u0018H");
        Assert.That(calls, Is.EqualTo(new[] { "P48" }));
        Assert.That(parser.State, Is.EqualTo(ParserState.Ground));
    }

    [Test]
    public void EscapeRestartsSequence()
    {
        Assert.That(Parse("\u001b[12\u001b[3A").Calls, Is.EqualTo(new[] { "C[3]A" }));
    }

    [Test]
    public void MisplacedPrivateMarkerIgnoresSequence()
    {
        var (calls, _) = Parse("\u001b[1?2hX");
        Assert.That(calls, Is.EqualTo(new[] { "P58" }));
    }

    [Test]
    public void DigitAfterIntermediateIgnoresSequence()
    {
        Assert.That(Parse("\u001b[1 2qX").Calls, Is.EqualTo(new[] { "P58" }));
    }

    [Test]
    public void OscEndedByBellOrStringTerminator()
    {
        Assert.That(Parse("\u001b]0;héllo\u0007\u001b]2;x\u001b\\A").Calls,
            Is.EqualTo(new[] { "O0;héllo", "O2;x", "E\\", "P41" }));
    }

    [Test]
    public void DeviceControlStringIsIgnoredUntilStringTerminator()
    {
        var (calls, parser) = Parse("\u001bPq#0;2;0;0;0\u0007~~\u001b\\B");
        Assert.That(calls, Is.EqualTo(new[] { "E\\", "P42" }));
        Assert.That(parser.State, Is.EqualTo(ParserState.Ground));
    }

    [Test]
    public void StatesAlongTheWay()
    {
        var recorder = new Recorder();
        var parser = new EscapeSequenceParser(recorder);
        parser.Feed(0x1B);
        Assert.That(parser.State, Is.EqualTo(ParserState.Escape));
        parser.Feed((byte)'[');
        Assert.That(parser.State, Is.EqualTo(ParserState.ControlSequenceEntry));
        parser.Feed((byte)'?');
        Assert.That(parser.State, Is.EqualTo(ParserState.ControlSequenceParameter));
        parser.Feed((byte)'1');
        Assert.That(parser.State, Is.EqualTo(ParserState.ControlSequenceParameter));
        parser.Feed((byte)' ');
        Assert.That(parser.State, Is.EqualTo(ParserState.ControlSequenceIntermediate));
        parser.Feed((byte)'1');
        Assert.That(parser.State, Is.EqualTo(ParserState.ControlSequenceIgnore));
        parser.Feed((byte)'h');
        Assert.That(parser.State, Is.EqualTo(ParserState.Ground));
        parser.Feed(0x1B);
        parser.Feed((byte)'(');
        Assert.That(parser.State, Is.EqualTo(ParserState.EscapeIntermediate));
        parser.Feed((byte)'B');
        parser.Feed(0x1B);
        parser.Feed((byte)']');
        Assert.That(parser.State, Is.EqualTo(ParserState.OperatingSystemCommand));
        parser.Feed(0x1B);
        parser.Feed((byte)'_');
        Assert.That(parser.State, Is.EqualTo(ParserState.StringIgnore));
    }

    [Test]
    public void ParameterCountAndValuesAreBounded()
    {
        var text = new StringBuilder("\u001b[");
        for (int i = 0; i < 100; i++)
        {
            text.Append("99999999999;");
        }

        text.Append('m');
        var (calls, _) = Parse(text.ToString());
        Assert.That(calls, Has.Count.EqualTo(1));
        string[] values = calls[0].Substring(2, calls[0].Length - 4).Split(';');
        Assert.That(values, Has.Length.EqualTo(EscapeSequenceParser.MaxParameters));
        Assert.That(values, Is.All.EqualTo(EscapeSequenceParser.MaxParameterValue.ToString()));
    }

    [Test]
    public void LongOscIsCutNotGrown()
    {
        var (calls, _) = Parse("\u001b]0;" + new string('x', 100_000) + "\u0007");
        Assert.That(calls, Has.Count.EqualTo(1));
        Assert.That(calls[0].Length, Is.EqualTo(1 + EscapeSequenceParser.MaxStringLength));
    }

    [Test]
    public void Utf8TextAndReplacement()
    {
        var (calls, _) = Parse(new byte[] { 0xD0, 0x96, 0xFF, 0xE2, 0x82, 0x1B, (byte)'[', (byte)'m', 0x41 });
        Assert.That(calls, Is.EqualTo(new[] { "P416", "PFFFD", "PFFFD", "C[]m", "P41" }));
    }

    [Test]
    public void Utf8SplitAcrossFeeds()
    {
        var recorder = new Recorder();
        var parser = new EscapeSequenceParser(recorder);
        parser.Feed(new byte[] { 0xE2 });
        parser.Feed(new byte[] { 0x82 });
        parser.Feed(new byte[] { 0xAC });
        Assert.That(recorder.Calls, Is.EqualTo(new[] { "P20AC" }));
    }

    [Test]
    public void C1ScalarsAreNotPrinted()
    {
        Assert.That(Parse(new byte[] { 0xC2, 0x9B, 0x41 }).Calls, Is.EqualTo(new[] { "P41" }));
    }

    [Test]
    public void RandomGarbageEndsWithoutFailureAndParserRecovers()
    {
        var random = new Random(1234);
        var garbage = new byte[1 << 20];
        random.NextBytes(garbage);
        var recorder = new Recorder();
        var parser = new EscapeSequenceParser(recorder);
        parser.Feed(garbage);
        parser.Feed(new byte[] { 0x18, (byte)'Z' });
        Assert.That(recorder.Calls[recorder.Calls.Count - 1], Is.EqualTo("P5A"));
    }
}
