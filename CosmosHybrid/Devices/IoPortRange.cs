namespace CosmosHybrid.Devices;

/// <summary>A run of I/O ports: [<see cref="First"/>, <see cref="First"/> + <see cref="Count"/>).</summary>
public readonly struct IoPortRange
{
    /// <summary>Ports run from 0 to 65535.</summary>
    public const int PortCount = 65536;

    public IoPortRange(int first, int count)
    {
        First = first;
        Count = count;
    }

    public int First { get; }

    public int Count { get; }

    public int End => First + Count;

    /// <summary>True when the range lies inside the port space and is not empty.</summary>
    public bool IsValid => First >= 0 && Count > 0 && First + Count <= PortCount;

    /// <summary>True when an access of <paramref name="size"/> bytes at <paramref name="port"/> stays inside the range.</summary>
    public bool Contains(long port, long size) => size > 0 && port >= First && port + size <= End;
}
