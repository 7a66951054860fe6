namespace CosmosHybrid.Services.Abi;

/// <summary>
/// What a handle allows. A handle names one kernel object; which bits mean something
/// depends on the object's kind (ports: send, receive; an authority: the privileged
/// operations it unlocks). Transfer applies to every kind. Rights only ever shrink:
/// duplicating or passing a handle keeps at most the rights it had.
/// </summary>
[System.Flags]
public enum HandleRights : long
{
    None = 0,

    // ---- message ports ----
    Send = 1,
    Receive = 2,

    /// <summary>The handle may be passed to another process (in a message, or to a child at spawn).</summary>
    Transfer = 4,

    /// <summary>Every right a new port's handle has.</summary>
    All = Send | Receive | Transfer,

    // ---- an authority (bits 16 to 23): what only init gets at boot ----

    /// <summary>Turn the machine off.</summary>
    PowerOff = 1L << 16,
    /// <summary>End a process that is not one's own descendant.</summary>
    KillAny = 1L << 17,
    /// <summary>Open device handles (and through them: registers, I/O ports, DMA memory, IRQs).</summary>
    Devices = 1L << 18,
    /// <summary>Reserve message-port names for the services meant to register them.</summary>
    ReserveNames = 1L << 19,
    /// <summary>Give a child quotas above the defaults.</summary>
    RaiseQuotas = 1L << 20,
    /// <summary>Type on the console: open the kernel's console input as a stream to write to (ConsoleInputOpen), as an input driver does.</summary>
    ConsoleInput = 1L << 21,
    /// <summary>
    /// Inject faults into other processes (FaultInject): only in the root authority when the kernel
    /// was booted with the option <c>faultinject</c>, and checked against that option at every call.
    /// </summary>
    FaultInject = 1L << 22,

    // ---- streams (bits 24 to 27): the console, pipe ends, files opened as streams ----

    /// <summary>StreamRead: take bytes from the stream.</summary>
    StreamRead = 1L << 24,
    /// <summary>StreamWrite: put bytes into the stream.</summary>
    StreamWrite = 1L << 25,

    /// <summary>The root authority the kernel hands to the first program.</summary>
    RootAuthority = PowerOff | KillAny | Devices | ReserveNames | RaiseQuotas | ConsoleInput | Transfer,
}
