; System call and user-mode entry.
;
; SYSCALL arrives here in ring 0 with interrupts off (SFMASK clears IF), RCX = user
; RIP, R11 = user RFLAGS, and the user's RSP still loaded. SWAPGS makes GS point at
; the per-CPU block: [gs:0] = the running thread's kernel stack top, [gs:8] = scratch,
; [gs:16] = the running thread's process (a Process reference, or zero).
; A handler gets (SyscallFrame*, Process): the number in RAX and arguments in RDI, RSI,
; RDX, R10, R8, R9 (the Linux convention), and returns the result in RAX.
;
; Two paths (SyscallTable fills syscall_state, SyscallEntry.cs describes it):
; - the leaf path, for the numbers with a leaf handler: calls that never block, never fault
;   and run briefly (GetProcessId, a read the file system answers from memory). Interrupts
;   stay off from SYSCALL to SYSRET, so no preemption, no collector's stop (ThreadStops) and
;   no stop check can see the thread in here; the C# handler keeps the callee-saved registers
;   by the ABI, so they are not stored, and there is nothing to do on the way out. A leaf
;   handler may return SyscallTable.TakeFullPath (it could not do the call so; the frame is
;   untouched): the call then starts again on the full path. With a fault pending (FaultInjector) or no
;   process, every call takes the full path.
; - the full path: every register in the frame (the collector's stop reads the callee-saved
;   ones as roots, the fault injector flips them), interrupts on in the handler, then the
;   stopped-process check (SyscallExit) while any process is stopped.

bits 64
default rel
section .text

global syscall_entry, enter_user_mode
extern SyscallDispatchCold, SyscallExit

PERCPU_KERNEL_STACK equ 0
PERCPU_USER_STACK   equ 8
PERCPU_PROCESS      equ 16
USER_DATA_SELECTOR  equ 0x18 | 3
USER_CODE_SELECTOR  equ 0x20 | 3
FRAME_RESULT        equ 12 * 8          ; SyscallFrame.NumberAndResult: above R15..Rbx, Arg1..Arg5, Arg0
CALLEE_SAVED_BYTES  equ 6 * 8           ; SyscallFrame.R15..Rbx
SYSCALL_CAPACITY    equ 200             ; SyscallTable.Capacity

; syscall_state (SyscallEntryState in SyscallEntry.cs): written by the kernel's C#, read here.
STATE_FULL_PATH_ONLY    equ 0           ; nonzero while FaultInjector has a fault pending
STATE_STOPPED_PROCESSES equ 8           ; how many processes have their threads stopped
STATE_HANDLERS          equ 16          ; the handler of every number below SYSCALL_CAPACITY
STATE_LEAF_HANDLERS     equ 16 + 8 * SYSCALL_CAPACITY   ; a number's leaf handler, or zero

; SyscallTable.TakeFullPath is long.MinValue (no result is): CMP RAX, 1 overflows for it alone.

section .data
align 8
syscall_state:
    times 2 + 2 * SYSCALL_CAPACITY dq 0

section .text

; Zeroes xmm0-15 before a return to ring 3 that does not restore the thread's own vector state.
; The kernel's C# code uses them freely (ILC allocates any of the sixteen; they are caller-saved,
; so a system call, being a call, may change them): left as they are they would show ring 3
; kernel addresses and bytes the kernel copied for other processes. XORPS of a register with
; itself is a zeroing idiom (no execution unit, no dependency). Nothing else is left: kernel.elf
; has no VEX, x87 or MMX instruction (objdump), so the upper YMM halves and the x87 registers
; hold the thread's own values; and apart from the self-test, the benchmarks and fault injection
; (boot options), its one floating-point instruction is the scheduler's CVTSI2SS of a power of
; two (PriorityBitmap): exact, so it sets no MXCSR flag and traps under no MXCSR ring 3 loads.
; Returns from interrupts and faults restore the interrupted state (FXRSTOR in interrupt_common).
%macro CLEAR_XMM 0
%assign r 0
%rep 16
    xorps xmm %+ r, xmm %+ r
%assign r r + 1
%endrep
%endmacro

syscall_entry:
    swapgs
    mov [gs:PERCPU_USER_STACK], rsp
    mov rsp, [gs:PERCPU_KERNEL_STACK]
    push 0                              ; where an interrupt from ring 3 has SS: marks a system call
    push 0                              ; (keeps RSP 16-byte aligned at the call)
    push qword [gs:PERCPU_USER_STACK]   ; frame: user RSP
    push r11                            ;        user RFLAGS
    push rcx                            ;        user RIP
    push rax                            ;        number (result on return)
    push rdi
    push r9                             ; the message registers, pushed backwards: in memory they
    push r8                             ; read RSI, RDX, R10, R8, R9, a ShortMessage (SyscallFrame.MessageOf)
    push r10
    push rdx
    push rsi
    cmp rax, SYSCALL_CAPACITY           ; unsigned: a negative number is out of range too
    jae .full                           ; (the cold path answers NoSuchCall)
    mov rcx, [syscall_state + STATE_LEAF_HANDLERS + rax * 8]
    test rcx, rcx
    jz .full
    mov rsi, [gs:PERCPU_PROCESS]
    test rsi, rsi
    jz .full
    cmp byte [syscall_state + STATE_FULL_PATH_ONLY], 0
    jne .full
    ; The leaf path: the callee-saved slots are left as they are (the handler does not read them). RBP keeps
    ; ring 3's value: a stack trace stops at it (StackTrace.IsPlausibleFrame), and none is taken here anyway.
    sub rsp, CALLEE_SAVED_BYTES
    mov rdi, rsp
    call rcx
    cmp rax, 1
    jo .leaf_declined
    add rsp, CALLEE_SAVED_BYTES
    CLEAR_XMM
    pop rsi                             ; the caller's own argument registers back: nothing of the
    pop rdx                             ; kernel's is left in a caller-saved register
    pop r10
    pop r8
    pop r9
    pop rdi
    add rsp, 8                          ; the number (RAX holds the result)
    pop rcx                             ; user RIP
    pop r11                             ; user RFLAGS
    pop rsp                             ; user RSP
    swapgs
    o64 sysret

.leaf_declined:                         ; the frame as the leaf handler found it: complete it
    mov [rsp + 5 * 8], rbx
    mov [rsp + 4 * 8], rbp
    mov [rsp + 3 * 8], r12
    mov [rsp + 2 * 8], r13
    mov [rsp + 1 * 8], r14
    mov [rsp], r15
    mov rax, [rsp + FRAME_RESULT]       ; the number
    jmp .dispatch

.full:
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
.dispatch:
    xor ebp, ebp                        ; a stack trace stops here, not in user frames
    mov rdi, rsp
    mov rsi, [gs:PERCPU_PROCESS]
    sti
    test rsi, rsi
    jz .cold
    cmp byte [syscall_state + STATE_FULL_PATH_ONLY], 0
    jne .cold
    cmp rax, SYSCALL_CAPACITY
    jae .cold
    call [syscall_state + STATE_HANDLERS + rax * 8]   ; RAX = the handler's result
.returned:
    cli                                 ; off from here to SYSRET (SyscallExit's check needs it)
    mov [rsp + FRAME_RESULT], rax       ; in the frame before SyscallExit may park the thread
    cmp qword [syscall_state + STATE_STOPPED_PROCESSES], 0
    jne .stop_check
.leave:
    CLEAR_XMM
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    pop rsi
    pop rdx
    pop r10
    pop r8
    pop r9
    pop rdi
    pop rax                             ; the result
    pop rcx                             ; user RIP
    pop r11                             ; user RFLAGS
    pop rsp                             ; user RSP: from here on only registers are touched
    swapgs
    o64 sysret

.cold:                                  ; no process, a fault pending or no such number: SyscallDispatcher
    call SyscallDispatchCold
    jmp .returned

.stop_check:                            ; some process is stopped: hold this thread back while its own is
    call SyscallExit
    jmp .leave

; void enter_user_mode(ulong rip, ulong rsp, ulong argument0, ulong argument1): leaves
; for ring 3 with interrupts enabled there, RDI/RSI = the two arguments and all other
; registers zero, xmm0-15 included (the kernel's code ran on this thread before). Does not return.
enter_user_mode:
    cli
    push USER_DATA_SELECTOR             ; SS
    push rsi                            ; RSP
    push 0x202                          ; RFLAGS: IF, reserved bit 1
    push USER_CODE_SELECTOR             ; CS
    push rdi                            ; RIP
    mov rdi, rdx
    mov rsi, rcx
    xor eax, eax
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    xor ebp, ebp
    xor r8, r8
    xor r9, r9
    xor r10, r10
    xor r11, r11
    xor r12, r12
    xor r13, r13
    xor r14, r14
    xor r15, r15
    CLEAR_XMM
    swapgs
    iretq

global syscall_entry_address, syscall_state_address
syscall_entry_address:
    lea rax, [syscall_entry]
    ret

syscall_state_address:
    lea rax, [syscall_state]
    ret
