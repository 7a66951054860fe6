using System;
using System.Collections.Generic;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>HashSet&lt;T&gt;, Queue&lt;T&gt; and Stack&lt;T&gt;.</summary>
internal static class SetAndQueueCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("hashset: Add, Contains, Remove, Count", SetBasics),
        new ConformanceCase("hashset: union, intersection, difference", SetAlgebra),
        new ConformanceCase("hashset: subset, superset, overlap, equality", SetRelations),
        new ConformanceCase("hashset: comparer, null element, order, RemoveWhere", SetDetails),
        new ConformanceCase("queue: FIFO order, Peek, TryDequeue", QueueBasics),
        new ConformanceCase("queue: wrap-around and growth", QueueWrap),
        new ConformanceCase("queue: Contains, ToArray, foreach, Clear", QueueViews),
        new ConformanceCase("stack: LIFO order, Peek, TryPop, ToArray", StackBasics),
        new ConformanceCase("queue and stack: errors", Errors),
    };

    private static void SetBasics(ConformanceCheck c)
    {
        var set = new HashSet<int>();
        c.True(set.Add(1), "Add new");
        c.True(set.Add(2), "Add another");
        c.False(set.Add(1), "Add duplicate");
        c.Equal(2, set.Count, "Count");
        c.True(set.Contains(2), "Contains");
        c.False(set.Contains(3), "Contains absent");
        c.True(set.Remove(1), "Remove present");
        c.False(set.Remove(1), "Remove absent");
        c.Equal(1, set.Count, "Count after Remove");
        for (int i = 0; i < 1000; i++)
            set.Add(i % 250);
        c.Equal(250, set.Count, "many duplicates");
        var fromArray = new HashSet<string>(new[] { "a", "b", "a" });
        c.Equal(2, fromArray.Count, "constructor drops duplicates");
        c.True(fromArray.TryGetValue(new string('a', 1), out string actual) && actual == "a", "TryGetValue");
    }

    private static void SetAlgebra(ConformanceCheck c)
    {
        var set = new HashSet<int> { 1, 2, 3, 4 };
        set.UnionWith(new[] { 4, 5 });
        c.True(set.SetEquals(new[] { 1, 2, 3, 4, 5 }), "UnionWith");
        set.IntersectWith(new List<int> { 2, 4, 6, 2 });
        c.True(set.SetEquals(new[] { 2, 4 }), "IntersectWith");
        set.ExceptWith(new[] { 4, 9 });
        c.True(set.SetEquals(new[] { 2 }), "ExceptWith");
        set.SymmetricExceptWith(new[] { 2, 3, 3 });
        c.True(set.SetEquals(new[] { 3 }), "SymmetricExceptWith");
        set.ExceptWith(set);
        c.Equal(0, set.Count, "ExceptWith itself");
    }

    private static void SetRelations(ConformanceCheck c)
    {
        var small = new HashSet<int> { 1, 2 };
        var big = new HashSet<int> { 1, 2, 3 };
        c.True(small.IsSubsetOf(big), "IsSubsetOf");
        c.True(small.IsProperSubsetOf(big), "IsProperSubsetOf");
        c.True(small.IsSubsetOf(small), "a set is a subset of itself");
        c.False(small.IsProperSubsetOf(new[] { 2, 1 }), "not a proper subset of an equal set");
        c.True(big.IsSupersetOf(small), "IsSupersetOf");
        c.True(big.IsProperSupersetOf(new[] { 3 }), "IsProperSupersetOf");
        c.True(small.Overlaps(new[] { 9, 2 }), "Overlaps");
        c.False(small.Overlaps(new[] { 9 }), "no overlap");
        c.True(small.SetEquals(new[] { 2, 1, 2 }), "SetEquals with duplicates");
        c.False(small.SetEquals(big), "SetEquals different");
        c.True(new HashSet<int>().IsSubsetOf(new int[0]), "empty set");
    }

    private static void SetDetails(ConformanceCheck c)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Net", "UI" };
        c.False(names.Add("NET"), "ignore-case duplicate");
        c.True(names.Contains("ui"), "ignore-case lookup");
        var withNull = new HashSet<string> { null, "x" };
        c.True(withNull.Contains(null), "null element");
        c.True(withNull.Remove(null), "remove null");
        var ordered = new HashSet<int> { 5, 3, 9, 1 };
        ordered.Remove(3);
        ordered.Add(7);
        c.SequenceEqual(new[] { 5, 7, 9, 1 }, ordered, "order with a reused slot");
        c.Equal(2, ordered.RemoveWhere(x => x > 6), "RemoveWhere");
        c.SequenceEqual(new[] { 5, 1 }, ordered, "after RemoveWhere");
        int[] copy = new int[3];
        ordered.CopyTo(copy, 1);
        c.SequenceEqual(new[] { 0, 5, 1 }, copy, "CopyTo");
    }

    private static void QueueBasics(ConformanceCheck c)
    {
        var queue = new Queue<string>();
        queue.Enqueue("a");
        queue.Enqueue("b");
        queue.Enqueue("c");
        c.Equal(3, queue.Count, "Count");
        c.Equal("a", queue.Peek(), "Peek");
        c.Equal("a", queue.Dequeue(), "Dequeue 1");
        c.Equal("b", queue.Dequeue(), "Dequeue 2");
        c.True(queue.TryPeek(out string head) && head == "c", "TryPeek");
        c.True(queue.TryDequeue(out head) && head == "c", "TryDequeue");
        c.False(queue.TryDequeue(out head), "TryDequeue empty");
        c.Equal(null, head, "TryDequeue empty gives default");
        c.False(queue.TryPeek(out _), "TryPeek empty");
        c.Equal(0, queue.Count, "empty");
    }

    private static void QueueWrap(ConformanceCheck c)
    {
        var queue = new Queue<int>(4);
        int next = 0;
        int expected = 0;
        bool inOrder = true;
        for (int round = 0; round < 100; round++)
        {
            for (int i = 0; i < 3; i++)
                queue.Enqueue(next++);
            for (int i = 0; i < 2; i++)
            {
                if (queue.Dequeue() != expected++)
                    inOrder = false;
            }
        }
        c.True(inOrder, "FIFO across wrap-around and growth");
        c.Equal(100, queue.Count, "Count");
        int[] rest = queue.ToArray();
        c.Equal(expected, rest[0], "ToArray starts at the head");
        c.Equal(next - 1, rest[rest.Length - 1], "ToArray ends at the tail");
    }

    private static void QueueViews(ConformanceCheck c)
    {
        var queue = new Queue<int>(new[] { 1, 2, 3 });
        queue.Dequeue();
        queue.Enqueue(4);
        c.True(queue.Contains(4), "Contains");
        c.False(queue.Contains(1), "Contains dequeued");
        c.SequenceEqual(new[] { 2, 3, 4 }, queue.ToArray(), "ToArray");
        c.SequenceEqual(new[] { 2, 3, 4 }, queue, "foreach");
        int sum = 0;
        foreach (int n in queue)
        {
            queue.Peek();
            sum += n;
        }
        c.Equal(9, sum, "Peek during foreach is allowed");
        queue.Clear();
        c.Equal(0, queue.Count, "Clear");
        queue.Enqueue(5);
        c.Equal(5, queue.Peek(), "reuse after Clear");
    }

    private static void StackBasics(ConformanceCheck c)
    {
        var stack = new Stack<int>();
        stack.Push(1);
        stack.Push(2);
        stack.Push(3);
        c.Equal(3, stack.Peek(), "Peek");
        c.SequenceEqual(new[] { 3, 2, 1 }, stack.ToArray(), "ToArray is top first");
        c.SequenceEqual(new[] { 3, 2, 1 }, stack, "foreach is top first");
        c.Equal(3, stack.Pop(), "Pop");
        c.True(stack.TryPop(out int value) && value == 2, "TryPop");
        c.True(stack.Contains(1), "Contains");
        c.False(stack.Contains(2), "Contains popped");
        c.True(stack.TryPeek(out value) && value == 1, "TryPeek");
        stack.Pop();
        c.False(stack.TryPop(out _), "TryPop empty");
        for (int i = 0; i < 100; i++)
            stack.Push(i);
        c.Equal(100, stack.Count, "growth");
        c.Equal(99, stack.Pop(), "top after growth");
    }

    private static void Errors(ConformanceCheck c)
    {
        c.Throws<InvalidOperationException>(() => new Queue<int>().Dequeue(), "Dequeue empty");
        c.Throws<InvalidOperationException>(() => new Queue<int>().Peek(), "Peek empty");
        c.Throws<InvalidOperationException>(() => new Stack<int>().Pop(), "Pop empty");
        var queue = new Queue<int>(new[] { 1, 2 });
        c.Throws<InvalidOperationException>(() =>
        {
            foreach (int x in queue)
                queue.Enqueue(x);
        }, "Enqueue during foreach");
        var set = new HashSet<int> { 1 };
        c.Throws<InvalidOperationException>(() =>
        {
            foreach (int x in set)
                set.Add(x + 1);
        }, "Add to a set during foreach");
    }
}
