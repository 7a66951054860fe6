; Thread switch. A switched-out thread's kernel stack holds its callee-saved
; registers and a return address; its ThreadContext holds the stack pointer, where
; its address space's CR3 value is kept (a slot in AddressSpaceTags) and where its
; FPU/SSE/AVX state is saved.
;
; struct ThreadContext { ulong StackPointer; ulong* AddressSpace; byte* FpuState; }

bits 64
default rel
section .text

global switch_context, thread_entry_trampoline, fpu_initialize, fpu_save_template
extern ThreadStartup

CONTEXT_RSP  equ 0
CONTEXT_CR3  equ 8
CONTEXT_FPU  equ 16
PCID_NO_FLUSH equ 63

section .data
; How FPU state is saved, set once by fpu_initialize: 0 = FXSAVE, 1 = XSAVE, 2 = XSAVEOPT.
global fpu_save_mode
fpu_save_mode: db 0

section .text

; void switch_context(ThreadContext* from, ThreadContext* to)
; Called with interrupts disabled. Returns in `to`'s context; `from` resumes here later.
switch_context:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15

    ; Save the outgoing FPU state. XSAVE takes the component mask in EDX:EAX.
    ; The mask only for XSAVE: FXSAVE takes none (MOV leaves the flags of the CMP).
    mov r8, [rdi + CONTEXT_FPU]
    cmp byte [fpu_save_mode], 1
    jb .save_fx
    mov eax, -1
    mov edx, -1
    je .save_x
    xsaveopt64 [r8]
    jmp .saved
.save_x:
    xsave64 [r8]
    jmp .saved
.save_fx:
    fxsave64 [r8]
.saved:
    mov [rdi + CONTEXT_RSP], rsp

    ; Load CR3 only when the address space changes. A load without the no-flush bit drops
    ; the non-global TLB entries of the PCID in the value (all of them without PCIDs).
    ; Once a PCID's entries are dropped, its slot gets the no-flush bit: returning to that
    ; space keeps its entries, until the kernel clears the bit because one went stale.
    mov r9, [rsi + CONTEXT_CR3]
    mov rax, [r9]
    mov rcx, cr3
    mov rdx, rax
    btr rdx, PCID_NO_FLUSH
    cmp rdx, rcx
    je .same_space
    mov cr3, rax
    test eax, 0xFFF                     ; PCID 0 (the kernel's, or no PCIDs): nothing to keep
    jz .same_space
    bts qword [r9], PCID_NO_FLUSH
.same_space:
    mov rsp, [rsi + CONTEXT_RSP]

    mov r8, [rsi + CONTEXT_FPU]
    cmp byte [fpu_save_mode], 0
    je .restore_fx
    mov eax, -1
    mov edx, -1
    xrstor64 [r8]
    jmp .restored
.restore_fx:
    fxrstor64 [r8]
.restored:
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; A new thread's first switch_context "returns" here (its stack was built that way).
thread_entry_trampoline:
    xor rbp, rbp                    ; end of the frame chain for stack traces
    and rsp, -16                    ; reached by RET with RSP = 8 mod 16: align it for the call (ILC's movaps spills need it)
    call ThreadStartup              ; never returns
    ud2

; void fpu_initialize(byte mode, ulong xcr0): enables XSAVE (CR4.OSXSAVE) and the state
; components in XCR0 when mode > 0, then resets the FPU to its power-on defaults.
fpu_initialize:
    mov [fpu_save_mode], dil
    test dil, dil
    jz .reset
    mov rax, cr4
    bts rax, 18                     ; OSXSAVE
    mov cr4, rax
    mov rax, rsi
    mov rdx, rsi
    shr rdx, 32
    xor ecx, ecx                    ; XCR0
    xsetbv
.reset:
    fninit
    push 0x1F80                     ; MXCSR default: all SIMD exceptions masked
    ldmxcsr [rsp]
    add rsp, 8
    ret

; void fpu_save_template(byte* area): saves the current (clean) FPU state, the
; image every new thread starts from.
fpu_save_template:
    mov eax, -1
    mov edx, -1
    cmp byte [fpu_save_mode], 0
    je .fx
    xsave64 [rdi]
    ret
.fx:
    fxsave64 [rdi]
    ret

global thread_trampoline_address
thread_trampoline_address:          ; void* (): where new threads start
    lea rax, [thread_entry_trampoline]
    ret
