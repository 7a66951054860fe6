; Exception dispatch entry points and funclet calls. The register conventions here are
; ILC's (throw helpers are called like any method; funclets expect the parent frame's
; RBP and keep none of the callee-saved registers), which C# cannot express.
;
; RegisterContext (RegisterContext.cs): rip, rsp, rbp, rbx, r12, r13, r14, r15.
; FuncletCall (FuncletCall.cs): the frame's RegisterContext at +0, then the resume
; stack pointer of a filter call at +64.

bits 64
default rel

global RhpThrowEx, RhpRethrow, RhpThrowHwEx
global RhpCallCatchFunclet, RhpCallFinallyFunclet, RhpCallFilterFunclet, RhpResumeAfterFailedFilter
global RhpUnwindSections, RhpManagedCodeRange, RhpHardwareFaultEntry
extern RhpDispatchException
extern __eh_frame_start, __eh_frame_end, __managedcode_start, __managedcode_end

%define CONTEXT_SIZE 64
%define FUNCLET_FILTER_SP 64

section .text

; throw obj: rdi = the exception object. The caller's state at the call is the first frame.
RhpThrowEx:
    mov edx, 0
    jmp ThrowFromCall

; throw; inside a catch block: the dispatcher finds the exception from the catch funclet's caller.
RhpRethrow:
    xor edi, edi
    mov edx, 1
    jmp ThrowFromCall

ThrowFromCall:
    lea rax, [rsp + 8]                  ; the thrower's rsp once the call has returned
    mov rcx, [rsp]                      ; its return address: the "faulting" pc
    sub rsp, CONTEXT_SIZE + 8           ; keeps rsp 16-aligned at the call below
    mov [rsp + 0], rcx
    mov [rsp + 8], rax
    mov [rsp + 16], rbp
    mov [rsp + 24], rbx
    mov [rsp + 32], r12
    mov [rsp + 40], r13
    mov [rsp + 48], r14
    mov [rsp + 56], r15
    mov rsi, rsp
    call RhpDispatchException           ; (exception, context, kind): does not return
    int3

; Reached instead of a faulting managed instruction (the fault handler rewrote rip):
; rdi = the kind of fault, rsi = the faulting rip, every other register as at the fault.
RhpThrowHwEx:
    mov rax, rsp
    and rsp, -16
    sub rsp, CONTEXT_SIZE
    mov [rsp + 0], rsi
    mov [rsp + 8], rax
    mov [rsp + 16], rbp
    mov [rsp + 24], rbx
    mov [rsp + 32], r12
    mov [rsp + 40], r13
    mov [rsp + 48], r14
    mov [rsp + 56], r15
    mov edx, edi
    add edx, 2                          ; kinds 2.. are hardware faults
    xor edi, edi
    mov rsi, rsp
    call RhpDispatchException
    int3

; void RhpCallCatchFunclet(object exception, void* handler, FuncletCall* call): never returns.
; Runs the catch funclet on the frame's registers, then resumes the frame at the address
; the funclet returns, with the frame's stack pointer: everything below it is gone.
RhpCallCatchFunclet:
    push rdx                            ; [rsp] at the call = FuncletCall*, found by the unwinder
    mov rbp, [rdx + 16]
    mov rbx, [rdx + 24]
    mov r12, [rdx + 32]
    mov r13, [rdx + 40]
    mov r14, [rdx + 48]
    mov r15, [rdx + 56]
    call rsi                            ; rdi = the exception
    mov rcx, [rsp]
    mov rsp, [rcx + 8]
    jmp rax

; void RhpCallFinallyFunclet(void* handler, FuncletCall* call)
RhpCallFinallyFunclet:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    push rsi                            ; [rsp] at the call = FuncletCall*
    mov rbp, [rsi + 16]
    mov rbx, [rsi + 24]
    mov r12, [rsi + 32]
    mov r13, [rsi + 40]
    mov r14, [rsi + 48]
    mov r15, [rsi + 56]
    call rdi
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; int RhpCallFilterFunclet(object exception, void* filter, FuncletCall* call): non-zero = handle.
RhpCallFilterFunclet:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    push rdx                            ; [rsp] at the call = FuncletCall*
    mov [rdx + FUNCLET_FILTER_SP], rsp
    mov rbp, [rdx + 16]
    mov rbx, [rdx + 24]
    mov r12, [rdx + 32]
    mov r13, [rdx + 40]
    mov r14, [rdx + 48]
    mov r15, [rdx + 56]
    call rsi                            ; rdi = the exception
FilterReturned:
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; void RhpResumeAfterFailedFilter(ulong filterCallStackPointer): an exception escaped the
; filter; it counts as false, so RhpCallFilterFunclet returns 0.
RhpResumeAfterFailedFilter:
    mov rsp, rdi
    xor eax, eax
    jmp FilterReturned

; void RhpUnwindSections(byte** start, byte** end): the linked image's .eh_frame.
RhpUnwindSections:
    lea rax, [__eh_frame_start]
    mov [rdi], rax
    lea rax, [__eh_frame_end]
    mov [rsi], rax
    ret

; void RhpManagedCodeRange(byte** start, byte** end): the code ILC compiled.
RhpManagedCodeRange:
    lea rax, [__managedcode_start]
    mov [rdi], rax
    lea rax, [__managedcode_end]
    mov [rsi], rax
    ret

; void* RhpHardwareFaultEntry(): the address a fault handler sends a faulting thread to.
RhpHardwareFaultEntry:
    lea rax, [RhpThrowHwEx]
    ret
