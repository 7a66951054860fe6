namespace CosmosHybrid.Ipc;

/// <summary>
/// Well-known names ("net", "ui") for ports. A service registers a handle it may send
/// on; a client looking the name up gets a send handle of its own. A port that closes
/// disappears from the registry.
/// </summary>
internal static class NameRegistry
{
    public const int Capacity = 32;
    public const int MaxNameLength = 32;

    private static readonly string[] s_names = new string[Capacity];
    private static readonly Port[] s_ports = new Port[Capacity];

    public static bool Register(string name, Port port)
    {
        int free = -1;
        for (int i = 0; i < Capacity; i++)
        {
            if (s_ports[i] == null)
                free = free < 0 ? i : free;
            else if (s_names[i] == name)
                return false;
        }
        if (free < 0)
            return false;
        s_names[free] = name;
        s_ports[free] = port;
        return true;
    }

    public static Port Lookup(string name)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (s_ports[i] != null && s_names[i] == name)
                return s_ports[i];
        }
        return null;
    }

    /// <summary>Removes every name of a port that closed.</summary>
    public static void Forget(Port port)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (s_ports[i] == port)
            {
                s_ports[i] = null;
                s_names[i] = null;
            }
        }
    }
}
