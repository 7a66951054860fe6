using CosmosHybrid.Services.UI.Geometry;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Geometry;

public class DamageRegionTests
{
    private static readonly Rect Screen = new Rect(0, 0, 640, 480);

    private static void AssertDisjoint(DamageRegion region)
    {
        for (int i = 0; i < region.Count; i++)
            for (int j = i + 1; j < region.Count; j++)
                Assert.That(region[i].Intersects(region[j]), Is.False, region[i] + " and " + region[j]);
    }

    [Test]
    public void DamageIsClampedToTheScreen()
    {
        var region = new DamageRegion(Screen);
        region.Add(new Rect(-50, -50, 100, 100));
        region.Add(new Rect(600, 470, 1000, 1000));
        region.Add(new Rect(700, 10, 5, 5));
        Assert.That(region.Count, Is.EqualTo(2));
        Assert.That(region[0], Is.EqualTo(new Rect(0, 0, 50, 50)));
        Assert.That(region[1], Is.EqualTo(new Rect(600, 470, 40, 10)));
    }

    [Test]
    public void CoveredDamageAddsNothingAndOverlapsAddOnlyTheNewPart()
    {
        var region = new DamageRegion(Screen);
        region.Add(new Rect(0, 0, 100, 100));
        region.Add(new Rect(10, 10, 20, 20));
        Assert.That(region.Count, Is.EqualTo(1));
        region.Add(new Rect(50, 50, 100, 100));
        AssertDisjoint(region);
        Assert.That(region.Area, Is.EqualTo(10000 + 10000 - 2500));
        Assert.That(region.Bounds, Is.EqualTo(new Rect(0, 0, 150, 150)));
    }

    [Test]
    public void ManySmallRectanglesCoalesceWithinCapacityAndStillCoverEverything()
    {
        var region = new DamageRegion(Screen, capacity: 8);
        var added = new System.Collections.Generic.List<Rect>();
        for (int i = 0; i < 200; i++)
        {
            var r = new Rect((i * 37) % 600, (i * 53) % 440, 7, 5);
            added.Add(r);
            region.Add(r);
            Assert.That(region.Count, Is.LessThanOrEqualTo(8));
        }
        AssertDisjoint(region);
        foreach (Rect r in added)
        {
            for (int y = r.Y; y < r.Bottom; y++)
                for (int x = r.X; x < r.Right; x++)
                {
                    bool inside = false;
                    for (int i = 0; i < region.Count; i++)
                        inside |= region[i].Contains(x, y);
                    Assert.That(inside, Is.True, $"pixel {x},{y} lost");
                }
        }
    }

    [Test]
    public void CoalescingPicksTheNearestRectangle()
    {
        var region = new DamageRegion(Screen, capacity: 2);
        region.Add(new Rect(0, 0, 10, 10));
        region.Add(new Rect(500, 400, 10, 10));
        region.Add(new Rect(12, 0, 10, 10)); // near the first: merged with it, not with the far one
        Assert.That(region.Count, Is.EqualTo(2));
        Assert.That(region.Area, Is.EqualTo(22 * 10 + 100));
    }

    [Test]
    public void ClearEmptiesAndAddAllCoversTheScreen()
    {
        var region = new DamageRegion(Screen);
        region.Add(new Rect(1, 1, 1, 1));
        region.Clear();
        Assert.That(region.IsEmpty, Is.True);
        region.AddAll();
        Assert.That(region.Count, Is.EqualTo(1));
        Assert.That(region[0], Is.EqualTo(Screen));
        region.Add(new Rect(5, 5, 5, 5));
        Assert.That(region.Count, Is.EqualTo(1));
    }
}
