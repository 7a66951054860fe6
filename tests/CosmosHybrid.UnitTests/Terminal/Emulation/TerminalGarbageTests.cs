using System;
using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

/// <summary>
/// Random bytes, biased towards the characters escape sequences are made of, must leave the
/// terminal in a consistent state: cursor and margins on the screen, bounded queues, and
/// incremental frames equal to a full redraw.
/// </summary>
[TestFixture]
public unsafe class TerminalGarbageTests
{
    private static readonly byte[] Alphabet =
    {
        0x1B, 0x1B, 0x1B, (byte)'[', (byte)'[', (byte)']', (byte)'?', (byte)';', (byte)';', (byte)':', (byte)'0', (byte)'1',
        (byte)'2', (byte)'3', (byte)'5', (byte)'9', (byte)'A', (byte)'B', (byte)'H', (byte)'J', (byte)'K', (byte)'L',
        (byte)'M', (byte)'P', (byte)'S', (byte)'T', (byte)'X', (byte)'@', (byte)'b', (byte)'d', (byte)'h', (byte)'l',
        (byte)'m', (byte)'n', (byte)'r', (byte)'s', (byte)'u', (byte)'c', (byte)'7', (byte)'8', (byte)'#', (byte)'(',
        (byte)' ', (byte)'x', 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x0F, 0x18, 0x9B, 0xC3, 0xA9, 0xE2, 0x82, 0xFF,
    };

    private sealed class Glyphs : GlyphSource
    {
        public override int CellWidth => 3;

        public override int CellHeight => 4;

        public override int Baseline => 2;

        public override bool TryGetGlyph(int scalar, out CellGlyph glyph)
        {
            // A different pattern per scalar so moved or stale cells show.
            uint bits = (uint)scalar * 2654435761u;
            glyph = new CellGlyph(new[] { bits & 0xE0000000, (bits << 3) & 0xE0000000, (bits << 6) & 0xE0000000, (bits << 9) & 0xE0000000 }, 3, 4);
            return true;
        }
    }

    [TestCase(11)]
    [TestCase(12)]
    [TestCase(13)]
    public void BiasedGarbageKeepsInvariants(int seed)
    {
        var random = new Random(seed);
        var terminal = new Term(17, 9, scrollbackLines: 50);
        var renderer = new TerminalRenderer(new Glyphs());
        int width = 17 * 3 + 1;
        int height = 9 * 4 + 2;
        int pitch = width + 5;
        var incremental = new uint[pitch * height];
        var full = new uint[pitch * height];
        var chunk = new byte[64];
        for (int round = 0; round < 4000; round++)
        {
            int length = random.Next(1, chunk.Length);
            for (int i = 0; i < length; i++)
            {
                chunk[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            terminal.Write(new ReadOnlySpan<byte>(chunk, 0, length));
            if (random.Next(20) == 0)
            {
                terminal.ScrollView(random.Next(-10, 11));
            }

            if (random.Next(200) == 0)
            {
                terminal.Resize(random.Next(5, 25), random.Next(3, 12));
                width = terminal.Columns * 3 + 1;
                height = terminal.Rows * 4 + 2;
                pitch = width + 5;
                incremental = new uint[pitch * height];
                full = new uint[pitch * height];
            }

            Assert.That(terminal.CursorRow, Is.InRange(0, terminal.Rows - 1));
            Assert.That(terminal.CursorColumn, Is.InRange(0, terminal.Columns - 1));
            Assert.That(terminal.ScrollTop, Is.LessThan(terminal.ScrollBottom));
            Assert.That(terminal.ScrollBottom, Is.LessThanOrEqualTo(terminal.Rows));
            Assert.That(terminal.Scrollback.Count, Is.LessThanOrEqualTo(50));
            Assert.That(terminal.Replies.Count, Is.LessThanOrEqualTo(TerminalReplies.Capacity));
            terminal.Replies.Read(new byte[TerminalReplies.Capacity]);

            if (round % 7 == 0)
            {
                fixed (uint* p = incremental)
                {
                    renderer.Render(terminal, (byte*)p, width, height, pitch * 4);
                }

                fixed (uint* p = full)
                {
                    renderer.Render(terminal, (byte*)p, width, height, pitch * 4, full: true);
                }

                Assert.That(incremental, Is.EqualTo(full), "round " + round);
            }
        }
    }
}
