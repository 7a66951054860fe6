; Runtime entry points that ILC-generated code calls with a register convention
; C# cannot express.

bits 64
default rel

global RhpInitialDynamicInterfaceDispatch
global RhpByRefAssignRef
global RhpFallbackFailFast
global __security_cookie
global RhpTrapThreads
global RhpSpillRegistersAndCollect
global RhpReadTimestamp
global RhpCopyQwordsForward
global RhpFillQwords
extern RhpResolveInterfaceDispatch
extern RhpCollectFromStack
extern RhpFailFastFromStub

section .data
align 8
; Stack-protector canary checked by methods with stackalloc buffers.
__security_cookie: dq 0x2B992DDFA232C0DE
; Non-zero asks threads to stop for the GC after native calls; the runtime never does.
RhpTrapThreads: dd 0

section .text

; Interface call site: r11 = dispatch cell, rdi = this, arguments in the SysV
; registers. Resolve the target in C# and tail-jump to it with the arguments intact.
RhpInitialDynamicInterfaceDispatch:
    push rbp
    mov rbp, rsp
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    push r11
    sub rsp, 8 * 16 + 8              ; xmm0-7 plus 8 bytes to keep rsp 16-aligned
    movdqu [rsp + 0x00], xmm0
    movdqu [rsp + 0x10], xmm1
    movdqu [rsp + 0x20], xmm2
    movdqu [rsp + 0x30], xmm3
    movdqu [rsp + 0x40], xmm4
    movdqu [rsp + 0x50], xmm5
    movdqu [rsp + 0x60], xmm6
    movdqu [rsp + 0x70], xmm7
    mov rsi, r11                     ; (object, cell)
    call RhpResolveInterfaceDispatch
    movdqu xmm0, [rsp + 0x00]
    movdqu xmm1, [rsp + 0x10]
    movdqu xmm2, [rsp + 0x20]
    movdqu xmm3, [rsp + 0x30]
    movdqu xmm4, [rsp + 0x40]
    movdqu xmm5, [rsp + 0x50]
    movdqu xmm6, [rsp + 0x60]
    movdqu xmm7, [rsp + 0x70]
    add rsp, 8 * 16 + 8
    pop r11
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    pop rbp
    jmp rax

; Copies one object reference from [rsi] to [rdi] and advances both by 8
; (used by struct copies that contain references).
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; Reached when a stack-protector check fails: the stack is already corrupt.
RhpFallbackFailFast:
    and rsp, -16
    jmp RhpFailFastFromStub

; Garbage collection entry: pushes the callee-saved registers, which may hold the
; only reference to an object, so that the conservative stack scan sees them, then
; calls RhpCollectFromStack(stackPointer).
RhpSpillRegistersAndCollect:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8                       ; keep rsp 16-byte aligned for the call
    mov rdi, rsp
    call RhpCollectFromStack
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; The time-stamp counter (instruction count under QEMU -icount), for GC pause figures.
RhpReadTimestamp:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

; void RhpCopyQwordsForward(void* destination, void* source, nuint count): `count` 8-byte
; words in ascending order (safe for overlaps with the destination below the source).
; The direction flag is clear at every call (SysV ABI). `rep movsq` costs one tick per
; word under QEMU icount, a quarter of an 8-byte load/store loop, and is fast on hardware.
RhpCopyQwordsForward:
    mov rcx, rdx
    rep movsq
    ret

; void RhpFillQwords(void* destination, ulong pattern, nuint count): stores `pattern` `count` times.
RhpFillQwords:
    mov rax, rsi
    mov rcx, rdx
    rep stosq
    ret
