using System.Collections.Generic;
using CosmosHybrid.Security;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Security;

public class ProcessLineageTests
{
    private sealed class Parents : IProcessParents
    {
        public readonly Dictionary<int, int> Map = new Dictionary<int, int>();

        public bool TryGetParent(int processId, out int parentId) => Map.TryGetValue(processId, out parentId);
    }

    // 1 (kernel-started) → 2 → 3 → 4; 5 is 1's other child.
    private static Parents Tree()
    {
        var parents = new Parents();
        parents.Map[1] = 0;
        parents.Map[2] = 1;
        parents.Map[3] = 2;
        parents.Map[4] = 3;
        parents.Map[5] = 1;
        return parents;
    }

    [TestCase(1, 2, true)]
    [TestCase(1, 4, true)]
    [TestCase(2, 4, true)]
    [TestCase(2, 5, false)]
    [TestCase(4, 1, false)]
    [TestCase(3, 3, false)]
    [TestCase(5, 2, false)]
    public void ADescendantIsFoundByWalkingUp(int ancestor, int candidate, bool expected)
    {
        Assert.That(ProcessLineage.IsDescendant(Tree(), ancestor, candidate), Is.EqualTo(expected));
    }

    [Test]
    public void AnOrphanBelongsToNobody()
    {
        Parents parents = Tree();
        parents.Map.Remove(2); // 2 ended: 3 and 4 are no longer 1's
        Assert.That(ProcessLineage.IsDescendant(parents, 1, 4), Is.False);
        Assert.That(ProcessLineage.IsDescendant(parents, 3, 4), Is.True);
    }

    [Test]
    public void ACycleEndsTheWalk()
    {
        var parents = new Parents();
        parents.Map[7] = 8;
        parents.Map[8] = 7;
        Assert.That(ProcessLineage.IsDescendant(parents, 1, 7), Is.False);
    }
}
