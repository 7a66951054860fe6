namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// Send and receive buffers that connections gave back (in TIME-WAIT or closed, where they need
/// none), handed to the next connections: once the pool holds a few, opening a connection
/// allocates no buffer, and a server's thousands of connections in TIME-WAIT hold no buffers.
/// One per <see cref="TcpEndpointTable"/>; not thread-safe, like the table.
/// </summary>
public sealed class TcpBufferPool
{
    private readonly byte[][] _free;
    private int _count;

    public TcpBufferPool(int capacity = 64) => _free = new byte[capacity][];

    /// <summary>Buffers waiting to be reused.</summary>
    public int Count => _count;

    /// <summary>A buffer of exactly <paramref name="size"/> bytes: a returned one when there is one. Its bytes are not cleared.</summary>
    public byte[] Rent(int size)
    {
        for (int i = _count - 1; i >= 0; i--)
        {
            byte[] buffer = _free[i];
            if (buffer.Length != size)
                continue;
            _count--;
            _free[i] = _free[_count];
            _free[_count] = null;
            return buffer;
        }
        return new byte[size];
    }

    /// <summary>Keeps <paramref name="buffer"/> for a later <see cref="Rent"/> (dropped when the pool is full).</summary>
    public void Return(byte[] buffer)
    {
        if (buffer == null || buffer.Length == 0 || _count == _free.Length)
            return;
        _free[_count++] = buffer;
    }
}
