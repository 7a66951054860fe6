using System.Runtime.InteropServices;
using Internal.Runtime.GC;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Runtime.GC;

/// <summary>
/// A large object's segment must hold the object after the header and the start bitmap,
/// which past about 256 KiB is more than one page (a 2.3 MiB font once ran 29 KiB past its segment).
/// </summary>
public unsafe class HeapSegmentTests
{
    [TestCase(85_000)]
    [TestCase(262_144)]
    [TestCase(300_000)]
    [TestCase(2_392_320)]
    [TestCase(16 * 1024 * 1024)]
    public void ALargeObjectFitsTheSegmentMadeForIt(int size)
    {
        nuint pages = HeapSegment.PagesFor((nuint)size);
        void* memory = NativeMemory.AlignedAlloc(pages * GCHeap.PageSize, 4096);
        try
        {
            HeapSegment* segment = HeapSegment.Create(memory, pages, isLarge: true);
            Assert.That((nuint)(segment->ObjectsEnd - segment->ObjectsStart), Is.EqualTo(HeapSegment.ObjectBytes(pages)));
            Assert.That(segment->ObjectsStart + size <= segment->ObjectsEnd, Is.True, "the object ends inside the segment");
            Assert.That(HeapSegment.ObjectBytes(pages - 1), Is.LessThan((nuint)size), "no page more than needed");
        }
        finally
        {
            NativeMemory.AlignedFree(memory);
        }
    }

    [Test]
    public void TheBitmapOfABigSegmentTakesMoreThanAPage()
    {
        nuint pages = 585;
        Assert.That(pages * GCHeap.PageSize - HeapSegment.ObjectBytes(pages), Is.GreaterThan(GCHeap.PageSize));
    }
}
