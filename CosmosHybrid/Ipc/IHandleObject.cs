namespace CosmosHybrid.Ipc;

/// <summary>
/// What a handle table needs to know of the object a handle names: how many handles
/// refer to it, and how many of those may receive (a port with none is closed).
/// <see cref="Port"/> implements it.
/// </summary>
internal interface IHandleObject
{
    int References { get; set; }

    int ReceiveHandles { get; set; }
}
