using System.Diagnostics;
using CosmosHybrid.Abi;
using CosmosHybrid.Ipc;
using static CosmosHybrid.Abi.SyscallResult;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// Message-port operations of the in-process kernel, a line-by-line counterpart of the
/// kernel's <c>CosmosHybrid.Ipc.IpcOperations</c>: same checks in the same order, same
/// errors, same hand-over rules. Where the kernel runs with interrupts off, this runs
/// under the kernel lock; where the kernel blocks or hands off to another thread, this
/// waits on the lock's condition (<see cref="HostThread.Block"/>) and wakes the other.
/// Results are 0 or a handle, or a negated <see cref="SyscallError"/>.
/// </summary>
internal sealed unsafe partial class PortOperations
{
    private readonly object _sync;
    private readonly NameRegistry _names = new NameRegistry();

    public PortOperations(object sync)
    {
        _sync = sync;
    }

    // ---- handles ----

    public long CreatePort(HostThread self)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            long handle = self.Process.Handles.Add(new Port(), HandleRights.All);
            return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
        }
    }

    public long Duplicate(HostThread self, long handle, HandleRights rights)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            HandleTable<Port> handles = self.Process.Handles;
            SyscallError error = handles.Lookup(handle, HandleRights.None, out Port port, out HandleRights held);
            if (error != SyscallError.None)
                return Error(error);
            long duplicate = handles.Add(port, held & rights);
            return duplicate == 0 ? Error(SyscallError.TooManyHandles) : duplicate;
        }
    }

    public long Close(HostThread self, long handle)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            if (!self.Process.Handles.Detach(handle, out Port port, out HandleRights rights))
                return Error(SyscallError.BadHandle);
            AfterHandleRemoved(port, rights);
            return 0;
        }
    }

    // ---- asynchronous send and receive (messages in memory) ----

    public long Send(HostThread self, long handle, IpcMessage* userMessage, long timeoutMs)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            HostProcess process = self.Process;
            SyscallError error = process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            error = ReadMessage(process, userMessage, allowGrant: false, out PendingMessage message);
            if (error != SyscallError.None)
                return Error(error);

            long deadline = Deadline(timeoutMs);
            while (true)
            {
                if (port.IsClosed)
                {
                    error = SyscallError.PeerClosed;
                    break;
                }
                HostThread receiver = port.TakeReceiver();
                if (receiver != null)
                {
                    Deliver(receiver, message);
                    receiver.Wake();
                    break;
                }
                if (!port.IsFull)
                {
                    port.Enqueue(message);
                    break;
                }
                if (timeoutMs == 0 || (timeoutMs > 0 && Stopwatch.GetTimestamp() >= deadline))
                {
                    error = SyscallError.QueueFull;
                    break;
                }
                port.AddBlockedSender(self);
                self.IpcWaitPort = port;
                self.Block(deadline);
                port.Forget(self);
                self.IpcWaitPort = null;
            }
            if (error != SyscallError.None)
                ReturnTransferredHandle(process, message);
            return Error(error);
        }
    }

    public long Receive(HostThread self, long handle, IpcMessage* userMessage, long timeoutMs)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            SyscallError error = self.Process.Handles.Lookup(handle, HandleRights.Receive, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);

            PendingMessage message = TakeNext(port);
            if (message != null)
            {
                self.IpcUserMessage = userMessage;
                self.IpcFrame = null;
                Deliver(self, message);
                error = self.IpcStatus;
            }
            else if (port.IsClosed)
            {
                error = SyscallError.PeerClosed;
            }
            else if (timeoutMs == 0)
            {
                error = SyscallError.TimedOut;
            }
            else
            {
                error = WaitForMessage(self, port, null, userMessage, Deadline(timeoutMs), handOffTo: null);
            }
            return Error(error);
        }
    }

    public long Notify(HostThread self, long handle, ulong bits)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            SyscallError error = self.Process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            if (port.IsClosed)
                return Error(SyscallError.PeerClosed);
            PostNotification(port, bits);
            return 0;
        }
    }

    /// <summary>Sets notification bits and hands them to a waiting receiver.</summary>
    private void PostNotification(Port port, ulong bits)
    {
        port.PendingNotifications |= bits;
        // Host only: with no bits pending there is nothing to hand over (the kernel would
        // hand a waiting receiver a null message here; see README.md).
        if (port.PendingNotifications == 0)
            return;
        HostThread receiver = port.TakeReceiver();
        if (receiver != null)
        {
            Deliver(receiver, TakeNext(port));
            receiver.Wake();
        }
    }

    // ---- name registry ----

    public long Register(HostThread self, string name, long handle)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            if (!TryNormalizeName(name, out string text))
                return Error(SyscallError.InvalidArgument);
            SyscallError error = self.Process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            return _names.Register(text, port) ? 0 : Error(SyscallError.Exists);
        }
    }

    public long Lookup(HostThread self, string name)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            if (!TryNormalizeName(name, out string text))
                return Error(SyscallError.InvalidArgument);
            Port port = _names.Lookup(text);
            if (port == null)
                return Error(SyscallError.NotFound);
            long handle = self.Process.Handles.Add(port, HandleRights.Send | HandleRights.Transfer);
            return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
        }
    }

    /// <summary>
    /// The name as the kernel sees it: ring-3 code passes one byte per character, with
    /// non-ASCII characters sent as '?' (SyscallPorts), and 1..32 bytes are accepted.
    /// </summary>
    private static bool TryNormalizeName(string name, out string text)
    {
        text = null;
        if (name == null || name.Length == 0 || name.Length > NameRegistry.MaxNameLength)
            return false;
        var characters = new char[name.Length];
        for (int i = 0; i < name.Length; i++)
            characters[i] = name[i] < 128 ? name[i] : '?';
        text = new string(characters);
        return true;
    }

    // ---- helpers ----

    /// <summary>The <see cref="Stopwatch"/> timestamp at which a wait of <paramref name="timeoutMs"/> ends (<see cref="HostThread.Forever"/> for negative values).</summary>
    private static long Deadline(long timeoutMs)
    {
        if (timeoutMs < 0)
            return HostThread.Forever;
        long now = Stopwatch.GetTimestamp();
        long ticksPerMs = Stopwatch.Frequency / 1000;
        if (timeoutMs > (HostThread.Forever - now) / ticksPerMs - 1)
            return HostThread.Forever;
        return now + timeoutMs * ticksPerMs;
    }
}
