namespace CosmosHybrid.Ipc;

/// <summary>
/// Well-known names ("net", "ui") for ports, one registry per engine. A service registers
/// a handle it may send on; a client looking the name up gets a send handle of its own.
/// A port that closes disappears from the registry.
/// </summary>
internal sealed class NameRegistry
{
    public const int Capacity = 32;
    public const int MaxNameLength = 32;

    private readonly string[] _names = new string[Capacity];
    private readonly Port[] _ports = new Port[Capacity];

    /// <summary>False when the name is taken or the registry is full (both reported as Exists).</summary>
    public bool Register(string name, Port port)
    {
        int free = -1;
        for (int i = 0; i < Capacity; i++)
        {
            if (_ports[i] == null)
                free = free < 0 ? i : free;
            else if (_names[i] == name)
                return false;
        }
        if (free < 0)
            return false;
        _names[free] = name;
        _ports[free] = port;
        return true;
    }

    public Port Lookup(string name)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (_ports[i] != null && _names[i] == name)
                return _ports[i];
        }
        return null;
    }

    /// <summary>Removes every name of a port that closed.</summary>
    public void Forget(Port port)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (_ports[i] == port)
            {
                _ports[i] = null;
                _names[i] = null;
            }
        }
    }
}
