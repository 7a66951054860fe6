using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.Ipc;

namespace CosmosHybrid.Services.Input.Service;

/// <summary>
/// The ports that asked for input events (send handles the driver holds). An event is sent to
/// each without waiting: a full queue loses that event, a port nobody receives on any more is
/// closed and forgotten, so a dead or stuck subscriber never holds the keyboard up.
/// </summary>
public sealed class InputSubscribers
{
    private readonly IMessagePorts _ports;
    private readonly List<long> _handles = new List<long>();

    public InputSubscribers(IMessagePorts ports) => _ports = ports;

    public int Count => _handles.Count;

    /// <summary>Events lost to full queues (for the driver's statistics).</summary>
    public long Lost { get; private set; }

    /// <summary>Keeps <paramref name="handle"/>; TooManyHandles when <see cref="InputProtocol.MaxSubscribers"/> are there already.</summary>
    public SyscallError Add(long handle)
    {
        if (handle <= 0)
            return SyscallError.InvalidArgument;
        if (_handles.Count >= InputProtocol.MaxSubscribers)
            return SyscallError.TooManyHandles;
        _handles.Add(handle);
        return SyscallError.None;
    }

    /// <summary>Sends <paramref name="message"/> to every subscriber.</summary>
    public void Publish(ref IpcMessage message)
    {
        for (int i = _handles.Count - 1; i >= 0; i--)
        {
            IpcMessage copy = message;
            long result = _ports.Send(_handles[i], ref copy, 0);
            if (result == SyscallResult.Error(SyscallError.QueueFull) || result == SyscallResult.Error(SyscallError.TimedOut))
            {
                Lost++;
            }
            else if (result < 0)
            {
                _ports.Close(_handles[i]);
                _handles.RemoveAt(i);
            }
        }
    }
}
