namespace System.Threading;

/// <summary>
/// A value each thread has its own copy of, as .NET's ThreadLocal&lt;T&gt;: kept in the running
/// Thread's table of locals under this instance's index, made on first read by the factory.
/// </summary>
public sealed class ThreadLocal<T> : IDisposable
{
    private readonly Func<T> _valueFactory;
    private readonly int _index;
    private bool _disposed;

    private sealed class Slot
    {
        public T Value;
    }

    public ThreadLocal() => _index = ThreadLocalIndex.Next();

    public ThreadLocal(Func<T> valueFactory) : this()
    {
        if (valueFactory == null)
            throw new ArgumentNullException(nameof(valueFactory));
        _valueFactory = valueFactory;
    }

    public T Value
    {
        get
        {
            Slot slot = Find(create: true, out bool created);
            if (created && _valueFactory != null)
                slot.Value = _valueFactory();
            return slot.Value;
        }
        set => Find(create: true, out _).Value = value;
    }

    public bool IsValueCreated
    {
        get
        {
            ThrowIfDisposed();
            object[] locals = Thread.CurrentThread.Locals;
            return locals != null && _index < locals.Length && locals[_index] != null;
        }
    }

    private Slot Find(bool create, out bool created)
    {
        ThrowIfDisposed();
        Thread thread = Thread.CurrentThread;
        object[] locals = thread.Locals;
        if (locals == null || _index >= locals.Length)
        {
            var larger = new object[Math.Max(_index + 1, locals == null ? 4 : locals.Length * 2)];
            if (locals != null)
                Array.Copy(locals, larger, locals.Length);
            thread.Locals = locals = larger;
        }
        created = locals[_index] == null;
        if (created)
            locals[_index] = new Slot();
        return (Slot)locals[_index];
    }

    public void Dispose() => _disposed = true;

    public override string ToString() => Value?.ToString();

    private void ThrowIfDisposed()
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(ThreadLocal<T>));
    }
}

/// <summary>Indices of ThreadLocal instances (not reused).</summary>
internal static class ThreadLocalIndex
{
    private static int s_count;

    public static int Next() => Interlocked.Increment(ref s_count) - 1;
}
