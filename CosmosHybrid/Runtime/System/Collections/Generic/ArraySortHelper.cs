namespace System.Collections.Generic;

/// <summary>
/// The sort behind Array.Sort, List&lt;T&gt;.Sort and MemoryExtensions.Sort: introsort
/// (quicksort with median-of-three pivots, insertion sort for short runs, heapsort when
/// the recursion gets too deep). Like .NET's, it is not stable. An exception thrown by
/// the comparer propagates as is (.NET wraps it in InvalidOperationException).
/// </summary>
internal static class ArraySortHelper<T>
{
    private const int InsertionSortThreshold = 16;

    public static void Sort(Span<T> keys, IComparer<T> comparer) => IntroSort(keys, comparer ?? Comparer<T>.Default);

    public static void Sort(Span<T> keys, Comparison<T> comparison) => IntroSort(keys, new ComparisonAdapter(comparison));

    private readonly struct ComparisonAdapter : IComparer<T>
    {
        private readonly Comparison<T> _comparison;

        public ComparisonAdapter(Comparison<T> comparison) { _comparison = comparison; }

        public int Compare(T x, T y) => _comparison(x, y);
    }

    private static void IntroSort<TComparer>(Span<T> keys, TComparer comparer) where TComparer : IComparer<T>
    {
        if (keys.Length < 2)
            return;
        int depthLimit = 2 * (Log2((uint)keys.Length) + 1);
        IntroSort(keys, depthLimit, comparer);
    }

    private static void IntroSort<TComparer>(Span<T> keys, int depthLimit, TComparer comparer) where TComparer : IComparer<T>
    {
        while (keys.Length > InsertionSortThreshold)
        {
            if (depthLimit-- == 0)
            {
                HeapSort(keys, comparer);
                return;
            }
            int pivot = Partition(keys, comparer);
            // Recurse into the smaller side, loop on the larger one.
            if (pivot < keys.Length - pivot)
            {
                IntroSort(keys.Slice(0, pivot), depthLimit, comparer);
                keys = keys.Slice(pivot + 1);
            }
            else
            {
                IntroSort(keys.Slice(pivot + 1), depthLimit, comparer);
                keys = keys.Slice(0, pivot);
            }
        }
        InsertionSort(keys, comparer);
    }

    // Puts the median of first, middle and last at the end, partitions around it,
    // and returns the pivot's final index.
    private static int Partition<TComparer>(Span<T> keys, TComparer comparer) where TComparer : IComparer<T>
    {
        int last = keys.Length - 1;
        int middle = last / 2;
        SwapIfGreater(keys, 0, middle, comparer);
        SwapIfGreater(keys, 0, last, comparer);
        SwapIfGreater(keys, middle, last, comparer);
        Swap(keys, middle, last - 1);
        T pivot = keys[last - 1];

        int left = 0;
        int right = last - 1;
        while (left < right)
        {
            while (comparer.Compare(keys[++left], pivot) < 0)
            {
            }
            while (comparer.Compare(pivot, keys[--right]) < 0)
            {
            }
            if (left >= right)
                break;
            Swap(keys, left, right);
        }
        if (left != last - 1)
            Swap(keys, left, last - 1);
        return left;
    }

    private static void InsertionSort<TComparer>(Span<T> keys, TComparer comparer) where TComparer : IComparer<T>
    {
        for (int i = 1; i < keys.Length; i++)
        {
            T key = keys[i];
            int j = i - 1;
            while (j >= 0 && comparer.Compare(keys[j], key) > 0)
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }

    private static void HeapSort<TComparer>(Span<T> keys, TComparer comparer) where TComparer : IComparer<T>
    {
        int n = keys.Length;
        for (int i = n / 2 - 1; i >= 0; i--)
            SiftDown(keys, i, n, comparer);
        for (int end = n - 1; end > 0; end--)
        {
            Swap(keys, 0, end);
            SiftDown(keys, 0, end, comparer);
        }
    }

    private static void SiftDown<TComparer>(Span<T> keys, int root, int count, TComparer comparer) where TComparer : IComparer<T>
    {
        T value = keys[root];
        while (true)
        {
            int child = 2 * root + 1;
            if (child >= count)
                break;
            if (child + 1 < count && comparer.Compare(keys[child], keys[child + 1]) < 0)
                child++;
            if (comparer.Compare(value, keys[child]) >= 0)
                break;
            keys[root] = keys[child];
            root = child;
        }
        keys[root] = value;
    }

    private static void SwapIfGreater<TComparer>(Span<T> keys, int i, int j, TComparer comparer) where TComparer : IComparer<T>
    {
        if (comparer.Compare(keys[i], keys[j]) > 0)
            Swap(keys, i, j);
    }

    private static void Swap(Span<T> keys, int i, int j)
    {
        T t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
    }

    private static int Log2(uint value)
    {
        int log = 0;
        while ((value >>= 1) != 0)
            log++;
        return log;
    }
}
