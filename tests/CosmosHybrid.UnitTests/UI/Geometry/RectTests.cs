using System;
using CosmosHybrid.Services.UI.Geometry;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Geometry;

public class RectTests
{
    [Test]
    public void IntersectOfOverlappingRectanglesIsTheCommonPart()
    {
        var a = new Rect(0, 0, 10, 10);
        var b = new Rect(5, 6, 10, 10);
        Assert.That(a.Intersect(b), Is.EqualTo(new Rect(5, 6, 5, 4)));
        Assert.That(b.Intersect(a), Is.EqualTo(new Rect(5, 6, 5, 4)));
    }

    [Test]
    public void TouchingRectanglesDoNotIntersect()
    {
        var a = new Rect(0, 0, 10, 10);
        var b = new Rect(10, 0, 5, 5);
        Assert.That(a.Intersects(b), Is.False);
        Assert.That(a.Intersect(b).IsEmpty, Is.True);
    }

    [Test]
    public void UnionIsTheBoundsAndIgnoresEmptyRectangles()
    {
        var a = new Rect(2, 3, 4, 5);
        var b = new Rect(10, 1, 2, 2);
        Assert.That(a.Union(b), Is.EqualTo(Rect.FromEdges(2, 1, 12, 8)));
        Assert.That(a.Union(default), Is.EqualTo(a));
        Assert.That(new Rect(50, 50, 0, 3).Union(a), Is.EqualTo(a));
    }

    [Test]
    public void NegativeSizesAreEmpty()
    {
        Assert.That(new Rect(0, 0, -5, 10).IsEmpty, Is.True);
        Assert.That(new Rect(0, 0, -5, 10).Area, Is.EqualTo(0));
        Assert.That(new Rect(0, 0, 100000, 100000).Area, Is.EqualTo(10_000_000_000L));
    }

    [Test]
    public void SubtractingAHoleInTheMiddleGivesFourDisjointPiecesCoveringTheRest()
    {
        var outer = new Rect(0, 0, 10, 10);
        var hole = new Rect(3, 4, 2, 3);
        Span<Rect> pieces = stackalloc Rect[4];
        int count = outer.Subtract(hole, pieces);
        Assert.That(count, Is.EqualTo(4));
        long area = 0;
        for (int i = 0; i < count; i++)
        {
            area += pieces[i].Area;
            Assert.That(pieces[i].Intersects(hole), Is.False);
            Assert.That(outer.Contains(pieces[i]), Is.True);
            for (int j = i + 1; j < count; j++)
                Assert.That(pieces[i].Intersects(pieces[j]), Is.False);
        }
        Assert.That(area, Is.EqualTo(100 - 6));
        // Every pixel of the outer rectangle is in the hole or in exactly one piece.
        for (int y = 0; y < 10; y++)
        {
            for (int x = 0; x < 10; x++)
            {
                int hits = hole.Contains(x, y) ? 1 : 0;
                for (int i = 0; i < count; i++)
                    hits += pieces[i].Contains(x, y) ? 1 : 0;
                Assert.That(hits, Is.EqualTo(1), $"pixel {x},{y}");
            }
        }
    }

    [Test]
    public void SubtractingACoveringRectangleLeavesNothingAndADisjointOneLeavesAll()
    {
        var r = new Rect(5, 5, 4, 4);
        Span<Rect> pieces = stackalloc Rect[4];
        Assert.That(r.Subtract(new Rect(0, 0, 20, 20), pieces), Is.EqualTo(0));
        Assert.That(r.Subtract(new Rect(50, 50, 2, 2), pieces), Is.EqualTo(1));
        Assert.That(pieces[0], Is.EqualTo(r));
    }

    [Test]
    public void SubtractingAnEdgeOverlapGivesOnePiece()
    {
        var r = new Rect(0, 0, 10, 10);
        Span<Rect> pieces = stackalloc Rect[4];
        Assert.That(r.Subtract(new Rect(-5, -5, 20, 8), pieces), Is.EqualTo(1));
        Assert.That(pieces[0], Is.EqualTo(new Rect(0, 3, 10, 7)));
    }

    [Test]
    public void RectListSubtractKeepsOnlyUncoveredArea()
    {
        var list = new RectList(2);
        list.Add(new Rect(0, 0, 100, 100));
        list.Subtract(new Rect(10, 10, 20, 20));
        list.Subtract(new Rect(50, 50, 100, 10));
        list.Subtract(new Rect(0, 90, 100, 100));
        Assert.That(list.Area, Is.EqualTo(10000 - 400 - 500 - 1000));
        for (int i = 0; i < list.Count; i++)
            for (int j = i + 1; j < list.Count; j++)
                Assert.That(list[i].Intersects(list[j]), Is.False);
    }
}
