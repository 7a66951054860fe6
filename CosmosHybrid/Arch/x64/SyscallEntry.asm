; System call and user-mode entry.
;
; SYSCALL arrives here in ring 0 with interrupts off (SFMASK clears IF), RCX = user
; RIP, R11 = user RFLAGS, and the user's RSP still loaded. SWAPGS makes GS point at
; the per-CPU block: [gs:0] = the running thread's kernel stack top, [gs:8] = scratch.
; The handler gets a SyscallFrame*: the number in RAX and arguments in RDI, RSI,
; RDX, R10, R8, R9 (the Linux convention), and returns the result in RAX.

bits 64
default rel
section .text

global syscall_entry, enter_user_mode
extern SyscallDispatch, SyscallExit

PERCPU_KERNEL_STACK equ 0
PERCPU_USER_STACK   equ 8
USER_DATA_SELECTOR  equ 0x18 | 3
USER_CODE_SELECTOR  equ 0x20 | 3
FRAME_RESULT        equ 12 * 8          ; SyscallFrame.NumberAndResult: above R15..Rbx, Arg1..Arg5, Arg0

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
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
    xor ebp, ebp                        ; a stack trace stops here, not in user frames
    mov rdi, rsp
    sti
    call SyscallDispatch                ; RAX = the handler's result
    cli                                 ; off from here to SYSRET (SyscallExit's check needs it)
    mov [rsp + FRAME_RESULT], rax       ; in the frame before SyscallExit may park the thread
    call SyscallExit                    ; holds the thread back while its process is stopped
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

global syscall_entry_address
syscall_entry_address:
    lea rax, [syscall_entry]
    ret
