using System;
using System.Diagnostics;
using System.Text;
using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

/// <summary>
/// A megabyte of mixed output through parser, screen and renderer, rendered in 4 KiB chunks
/// as a window would. Checks the end state; the MB/s line on the console is information, not a pass mark.
/// </summary>
[TestFixture]
public unsafe class TerminalThroughputTests
{
    private sealed class Glyphs : GlyphSource
    {
        private readonly uint[] _rows = { 0, 0x7E000000, 0x42000000, 0x42000000, 0x7E000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

        public override int CellWidth => 8;

        public override int CellHeight => 16;

        public override int Baseline => 12;

        public override bool TryGetGlyph(int scalar, out CellGlyph glyph)
        {
            glyph = new CellGlyph(_rows, 8, 16);
            return true;
        }
    }

    [Test]
    public void OneMegabyteOfOutput()
    {
        var text = new StringBuilder();
        int line = 0;
        while (text.Length < 1 << 20)
        {
            text.Append("\u001b[3").Append(line % 8).Append("mline ").Append(line).Append("\u001b[0m ");
            text.Append("Жλé the quick brown fox jumps over the lazy dog 0123456789\r\n");
            line++;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var terminal = new Term(80, 25);
        var renderer = new TerminalRenderer(new Glyphs());
        int pitch = 80 * 8;
        var pixels = new uint[pitch * 25 * 16];
        var clock = Stopwatch.StartNew();
        fixed (uint* p = pixels)
        {
            for (int offset = 0; offset < bytes.Length; offset += 4096)
            {
                int count = Math.Min(4096, bytes.Length - offset);
                terminal.Write(new ReadOnlySpan<byte>(bytes, offset, count));
                renderer.Render(terminal, (byte*)p, 640, 400, pitch * 4);
            }
        }

        clock.Stop();
        TestContext.Out.WriteLine("terminal throughput: " + (bytes.Length / 1048576.0 / clock.Elapsed.TotalSeconds).ToString("F1")
            + " MB/s (" + bytes.Length + " bytes, " + clock.ElapsedMilliseconds + " ms, parse+screen+render)");

        Assert.That(terminal.Scrollback.Count, Is.EqualTo(1000));
        Assert.That(terminal.GetRowText(23), Does.StartWith("line " + (line - 1) + " Жλé the quick"));
        Assert.That(terminal.GetCell(0, 23).Foreground, Is.EqualTo(TerminalColor.Indexed((line - 1) % 8)));
        Assert.That(terminal.Cursor(), Is.EqualTo((24, 0)));
    }
}
