using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Memory.Paging;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Diagnostics.FaultInjection;

/// <summary>
/// Applies the faults <see cref="FaultPlan"/> chooses to a ring-3 process (system call
/// FaultInject, boot option <c>faultinject</c>). Page faults are flipped at once through the
/// direct map; a register fault waits for the target's next entry to the kernel (an interrupt
/// or a system call from ring 3) and flips the saved register that the return to ring 3 will
/// load; failed system calls are counted down at the dispatcher. One register fault and one
/// failing process at a time: the campaign injects one fault after the other.
/// The entry paths test <see cref="Armed"/> first, so without a pending fault they pay one load.
/// </summary>
internal static unsafe class FaultInjector
{
    /// <summary>True while a register fault or failing system calls are pending (then every system call takes syscall_entry's full path).</summary>
    public static bool Armed
    {
        get => s_armed;
        private set
        {
            s_armed = value;
            SyscallEntry.SetFullPathOnly(value);
        }
    }

    private static bool s_armed;

    private static Process s_registerTarget;
    private static UserRegister s_register;
    private static int s_registerBit;

    private static Process s_failingTarget;
    private static int s_failingCalls;

    // The page walk's state (interrupts are off while it runs).
    private static FaultKind s_pageKind;
    private static ulong s_pageCount;
    private static ulong s_pagePick;
    private static ulong s_pageFound;
    private static ulong s_pageFoundAddress;
    private static bool s_pageFoundShared;

    /// <summary>Applies <paramref name="choice"/> to <paramref name="target"/>; false when it has no page of the kind.</summary>
    public static bool Inject(Process target, FaultChoice choice)
    {
        using (InterruptsOff.Enter())
        {
            switch (choice.Kind)
            {
                case FaultKind.Register:
                    s_registerTarget = target;
                    s_register = choice.Register;
                    s_registerBit = choice.Bit;
                    Armed = true;
                    return true;
                case FaultKind.SystemCalls:
                    s_failingTarget = target;
                    s_failingCalls = choice.Count;
                    Armed = true;
                    return true;
                default:
                    return FlipPageBit(target, choice);
            }
        }
    }

    /// <summary>Forgets the faults pending for a process that ends.</summary>
    public static void Forget(Process process)
    {
        using (InterruptsOff.Enter())
        {
            if (s_registerTarget == process)
                s_registerTarget = null;
            if (s_failingTarget == process)
                s_failingTarget = null;
            Armed = s_registerTarget != null || s_failingTarget != null;
        }
    }

    /// <summary>At a system call of <paramref name="process"/>: true when it is to fail instead of running.</summary>
    public static bool TakeFailedCall(Process process, ulong number)
    {
        // Ending the process stays possible: it is how a faulty service gets restarted.
        if (number == (ulong)SyscallNumber.Exit || number == (ulong)SyscallNumber.ExitThread)
            return false;
        using (InterruptsOff.Enter())
        {
            if (process != s_failingTarget || s_failingCalls <= 0)
                return false;
            if (--s_failingCalls == 0)
            {
                s_failingTarget = null;
                Armed = s_registerTarget != null;
            }
            return true;
        }
    }

    /// <summary>On the way back to ring 3 from an interrupt (interrupts off): flips the pending register of the target.</summary>
    public static void AtInterruptReturn(InterruptFrame* frame, Process process)
    {
        if (process == null || process != s_registerTarget)
            return;
        ulong* slot = InterruptSlot(frame, s_register);
        Flip(slot);
    }

    /// <summary>On the way back to ring 3 from a system call (interrupts off): flips the pending register of the target.</summary>
    public static void AtSystemCallReturn(SyscallFrame* frame, Process process)
    {
        if (process == null || process != s_registerTarget)
            return;
        // RCX and R11 are overwritten by SYSRET (with RIP and RFLAGS): a flip there is lost, as in a dead register.
        ulong* slot = SystemCallSlot(frame, s_register);
        Flip(slot);
    }

    private static void Flip(ulong* slot)
    {
        if (slot != null)
            *slot ^= 1UL << s_registerBit;
        s_registerTarget = null;
        Armed = s_failingTarget != null;
    }

    private static ulong* InterruptSlot(InterruptFrame* frame, UserRegister register) => register switch
    {
        UserRegister.Rax => &frame->Rax,
        UserRegister.Rbx => &frame->Rbx,
        UserRegister.Rcx => &frame->Rcx,
        UserRegister.Rdx => &frame->Rdx,
        UserRegister.Rsi => &frame->Rsi,
        UserRegister.Rdi => &frame->Rdi,
        UserRegister.Rbp => &frame->Rbp,
        UserRegister.Rsp => &frame->Rsp,
        UserRegister.R8 => &frame->R8,
        UserRegister.R9 => &frame->R9,
        UserRegister.R10 => &frame->R10,
        UserRegister.R11 => &frame->R11,
        UserRegister.R12 => &frame->R12,
        UserRegister.R13 => &frame->R13,
        UserRegister.R14 => &frame->R14,
        UserRegister.R15 => &frame->R15,
        UserRegister.Rip => &frame->Rip,
        _ => &frame->Rflags,
    };

    private static ulong* SystemCallSlot(SyscallFrame* frame, UserRegister register) => register switch
    {
        UserRegister.Rax => &frame->NumberAndResult,
        UserRegister.Rbx => &frame->Rbx,
        UserRegister.Rdx => &frame->Arg2,
        UserRegister.Rsi => &frame->Arg1,
        UserRegister.Rdi => &frame->Arg0,
        UserRegister.Rbp => &frame->Rbp,
        UserRegister.Rsp => &frame->UserRsp,
        UserRegister.R8 => &frame->Arg4,
        UserRegister.R9 => &frame->Arg5,
        UserRegister.R10 => &frame->Arg3,
        UserRegister.R12 => &frame->R12,
        UserRegister.R13 => &frame->R13,
        UserRegister.R14 => &frame->R14,
        UserRegister.R15 => &frame->R15,
        UserRegister.Rip => &frame->UserRip,
        UserRegister.Rflags => &frame->UserRflags,
        _ => null,
    };

    // Counts the target's own present pages of the kind, then walks again to the picked one.
    private static bool FlipPageBit(Process target, FaultChoice choice)
    {
        UserAddressSpace space = target.AddressSpace;
        if (space == null)
            return false;
        s_pageKind = choice.Kind;
        s_pageCount = 0;
        s_pagePick = ulong.MaxValue;
        space.Tables.ForEachUserPage(&Visit);
        if (s_pageCount == 0)
            return false;
        s_pagePick = choice.Pick % s_pageCount;
        s_pageCount = 0;
        s_pageFound = 0;
        space.Tables.ForEachUserPage(&Visit);
        if (s_pageFound == 0)
            return false;
        // A program image's page is every such process's: the target gets a copy of its own, and the flip lands there.
        if (s_pageFoundShared)
        {
            s_pageFound = space.PrivatizeImagePage(s_pageFoundAddress);
            if (s_pageFound == 0)
                return false;
        }
        byte* page = (byte*)AddressSpaceLayout.PhysicalToVirtual(s_pageFound);
        page[choice.Bit >> 3] ^= (byte)(1 << (choice.Bit & 7));
        return true;
    }

    private static void Visit(ulong virtualAddress, ulong entry)
    {
        if (!IsOfKind(virtualAddress, entry, s_pageKind))
            return;
        if (s_pageCount == s_pagePick)
        {
            s_pageFound = PageTableEntry.AddressOf(entry);
            s_pageFoundAddress = virtualAddress;
            s_pageFoundShared = (PageTableEntry.FlagsOf(entry) & UserAddressSpace.SharedImage) != 0;
        }
        s_pageCount++;
    }

    // Only the process's own frames: never a page lent by another process or device registers.
    private static bool IsOfKind(ulong address, ulong entry, FaultKind kind)
    {
        PageFlags flags = PageTableEntry.FlagsOf(entry);
        if (!PageTableEntry.IsPresent(entry) || PageTableEntry.IsHuge(entry) || (flags & PageFlags.User) == 0
            || (flags & (UserAddressSpace.Borrowed | UserAddressSpace.DeviceMemory)) != 0)
            return false;
        bool executable = (flags & PageFlags.NoExecute) == 0;
        bool mainStack = address >= UserAddressSpace.StackTop - UserAddressSpace.StackSize && address < UserAddressSpace.StackTop;
        bool image = address < UserAddressSpace.HeapStart && !mainStack;
        return kind switch
        {
            FaultKind.Code => executable,
            FaultKind.Data => !executable && image,
            FaultKind.Heap => !executable && !image,
            _ => false,
        };
    }
}
