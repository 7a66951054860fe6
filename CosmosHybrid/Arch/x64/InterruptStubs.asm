; Interrupt and exception entry. Each of the 256 vectors has a stub that pushes
; an error code (a zero when the CPU pushes none) and its vector number, so every
; entry reaches interrupt_common with the same stack layout: an InterruptFrame.
; interrupt_common saves the general registers and the SSE state (managed code
; uses xmm registers, and it may have been interrupted mid-computation), calls
; the C# dispatcher, and returns with iretq.

bits 64
default rel
section .text

global interrupt_stub_table
extern InterruptDispatch

; Vectors for which the CPU pushes an error code.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%macro INTERRUPT_STUB 1
interrupt_stub_%1:
%if HAS_ERROR_CODE(%1) == 0
    push 0
%endif
    push %1
    jmp interrupt_common
%endmacro

%assign vector 0
%rep 256
    INTERRUPT_STUB vector
%assign vector vector + 1
%endrep

; Stack at interrupt_common: vector, error code, then the CPU's RIP, CS, RFLAGS, RSP, SS.
FRAME_CS_FROM_VECTOR equ 24

interrupt_common:
    cld
    ; Coming from ring 3, GS still holds the user's base: switch to the kernel's per-CPU block.
    test qword [rsp + FRAME_CS_FROM_VECTOR], 3
    jz .from_kernel
    swapgs
.from_kernel:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15

    mov rbx, rsp                ; rbx = InterruptFrame*, preserved across the call
    sub rsp, 512
    and rsp, -16
    fxsave [rsp]

    mov rdi, rbx
    xor ebp, ebp                ; a stack trace stops at the interrupt, not in the interrupted code
    call InterruptDispatch

    fxrstor [rsp]
    mov rsp, rbx

    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    test qword [rsp + FRAME_CS_FROM_VECTOR], 3
    jz .to_kernel
    swapgs
.to_kernel:
    add rsp, 16                 ; vector and error code
    iretq

section .rodata
align 8
interrupt_stub_table:
%assign vector 0
%rep 256
    dq interrupt_stub_ %+ vector
%assign vector vector + 1
%endrep

section .text
global interrupt_stub_table_address
interrupt_stub_table_address:       ; ulong* (): where the C# side finds the stub addresses
    lea rax, [interrupt_stub_table]
    ret
