; Runtime entry points that ILC-generated code calls with a register convention
; C# cannot express.

bits 64
default rel

global RhpInitialDynamicInterfaceDispatch
global RhpInterfaceDispatch1, RhpInterfaceDispatch4, RhpInterfaceDispatchStub
global RhpByRefAssignRef
global RhpFallbackFailFast
global __security_cookie
global RhpTrapThreads
global RhpSpillRegistersAndCollect
global RhpReadTimestamp
global RhpMemoryCopy, RhpMemoryFill
global RhpInterlockedCompareExchange32, RhpInterlockedCompareExchange64
global RhpInterlockedExchange32, RhpInterlockedExchange64
global RhpInterlockedExchangeAdd32, RhpInterlockedExchangeAdd64
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

; Interface call site whose cell InterfaceDispatch.cs has patched: [r11 + 8] is then a
; cache of (MethodTable, target) pairs from offset 16 (InterfaceDispatchCache). Compare the
; object's type with each and jump to the match; on a miss, or with a null 'this' (which
; the resolver reports as it always did), fall back to the resolver with r11 intact.
; rax and r10 are scratch at a call site, as in NativeAOT's own stubs.
RhpInterfaceDispatch1:
    test rdi, rdi
    jz RhpInitialDynamicInterfaceDispatch
    mov r10, [r11 + 8]
    mov rax, [rdi]
    cmp rax, [r10 + 16]
    jne RhpInitialDynamicInterfaceDispatch
    jmp [r10 + 24]

RhpInterfaceDispatch4:
    test rdi, rdi
    jz RhpInitialDynamicInterfaceDispatch
    mov r10, [r11 + 8]
    mov rax, [rdi]
    cmp rax, [r10 + 16]
    je .hit0
    cmp rax, [r10 + 32]
    je .hit1
    cmp rax, [r10 + 48]
    je .hit2
    cmp rax, [r10 + 64]
    je .hit3
    jmp RhpInitialDynamicInterfaceDispatch
.hit0:
    jmp [r10 + 24]
.hit1:
    jmp [r10 + 40]
.hit2:
    jmp [r10 + 56]
.hit3:
    jmp [r10 + 72]

; The address of the cached stub for a cache of 1 (rdi = 1) or 4 entries (anything else).
RhpInterfaceDispatchStub:
    lea rax, [rel RhpInterfaceDispatch1]
    cmp rdi, 1
    je .done
    lea rax, [rel RhpInterfaceDispatch4]
.done:
    ret

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

; void RhpMemoryCopy(void* destination, void* source, nuint bytes): a forward copy,
; 8 bytes per step. REP MOVSQ is also the cheapest form under QEMU icount, which
; charges string instructions per element (so never REP MOVSB for the bulk).
RhpMemoryCopy:
    mov rcx, rdx
    shr rcx, 3
    rep movsq
    mov rcx, rdx
    and rcx, 7
    rep movsb
    ret

; void RhpMemoryFill(void* destination, byte value, nuint bytes)
RhpMemoryFill:
    movzx eax, sil
    mov r8, 0x0101010101010101
    imul rax, r8
    mov rcx, rdx
    shr rcx, 3
    rep stosq
    mov rcx, rdx
    and rcx, 7
    rep stosb
    ret

; System.Threading.Interlocked: (location in rdi, value in rsi, comparand in rdx);
; each returns the value the location held before.
RhpInterlockedCompareExchange32:
    mov eax, edx
    lock cmpxchg [rdi], esi
    ret

RhpInterlockedCompareExchange64:
    mov rax, rdx
    lock cmpxchg [rdi], rsi
    ret

RhpInterlockedExchange32:               ; XCHG with memory is locked without a prefix
    mov eax, esi
    xchg [rdi], eax
    ret

RhpInterlockedExchange64:
    mov rax, rsi
    xchg [rdi], rax
    ret

RhpInterlockedExchangeAdd32:
    mov eax, esi
    lock xadd [rdi], eax
    ret

RhpInterlockedExchangeAdd64:
    mov rax, rsi
    lock xadd [rdi], rax
    ret
