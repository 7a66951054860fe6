; Instructions usertest needs that C# cannot express.
bits 64
section .text

; Adds to r8 how many of the two qwords at [rsp] and [rsp + 8] differ from rax.
%macro COUNT_MISMATCHES 0
    cmp [rsp], rax
    setne r9b
    movzx r9, r9b
    add r8, r9
    cmp [rsp + 8], rax
    setne r9b
    movzx r9, r9b
    add r8, r9
%endmacro

global usertest_cli, usertest_fill_xmm, usertest_check_xmm

usertest_cli:                       ; int (): CLI is privileged: ring 3 gets #GP
    cli
    xor eax, eax
    ret

; void usertest_fill_xmm(ulong seed): xmm0-15 = distinct values from the seed.
usertest_fill_xmm:
    mov rax, rdi
    mov r11, 0x0101010101010101
%assign r 0
%rep 16
    movq xmm %+ r, rax
    punpcklqdq xmm %+ r, xmm %+ r      ; both halves = rax (SSE2 only: qemu64 has no SSE4.1)
    add rax, r11
%assign r r + 1
%endrep
    ret

; ulong usertest_check_xmm(ulong seed, ulong spins): spins while keeping the values in
; xmm0-15, then returns how many registers no longer hold what usertest_fill_xmm put there.
usertest_check_xmm:
    mov rcx, rsi
.spin:
    pause
    dec rcx
    jnz .spin
    mov rax, rdi
    mov r11, 0x0101010101010101
    xor r8, r8
    sub rsp, 24
%assign r 0
%rep 16
    movdqu [rsp], xmm %+ r
    COUNT_MISMATCHES
    add rax, r11
%assign r r + 1
%endrep
    add rsp, 24
    mov rax, r8
    ret

global usertest_has_avx, usertest_fill_ymm_high, usertest_check_ymm_high

; int (): 1 when AVX can be used (CPUID.1:ECX.AVX and OSXSAVE, and XCR0 enables SSE+AVX state).
usertest_has_avx:
    push rbx
    mov eax, 1
    cpuid
    pop rbx
    xor eax, eax
    bt ecx, 28                      ; AVX
    jnc .no
    bt ecx, 27                      ; OSXSAVE: XGETBV is allowed
    jnc .no
    xor ecx, ecx
    xgetbv
    and eax, 6
    cmp eax, 6
    jne .no
    mov eax, 1
    ret
.no:
    xor eax, eax
    ret

; void usertest_fill_ymm_high(ulong seed): the upper 128 bits of ymm0-15 = values from the seed
; (complemented, so they differ from the low halves). The low halves are left as they are.
usertest_fill_ymm_high:
    mov rax, rdi
    not rax
    mov r11, 0x0101010101010101
    sub rsp, 24
%assign r 0
%rep 16
    mov [rsp], rax
    mov [rsp + 8], rax
    vinsertf128 ymm %+ r, ymm %+ r, [rsp], 1
    add rax, r11
%assign r r + 1
%endrep
    add rsp, 24
    ret

; ulong usertest_check_ymm_high(ulong seed): how many upper halves of ymm0-15 lost their value.
usertest_check_ymm_high:
    mov rax, rdi
    not rax
    mov r11, 0x0101010101010101
    xor r8, r8
    sub rsp, 24
%assign r 0
%rep 16
    vextractf128 [rsp], ymm %+ r, 1
    COUNT_MISMATCHES
    add rax, r11
%assign r r + 1
%endrep
    add rsp, 24
    mov rax, r8
    ret

global usertest_syscall_xmm

; long usertest_syscall_xmm(ulong seed, long number, long a0, long a1, long a2, ulong* dump):
; fills xmm0-15 as usertest_fill_xmm does, makes system call `number` with arguments a0-a2
; (no C# code runs in between to touch the registers), stores xmm0-15 as the call left them
; at dump (two qwords each), and returns the call's result.
usertest_syscall_xmm:
    push rbx
    mov rbx, r9                         ; dump: the kernel gives back every register but RAX, RCX and R11
    mov r11, rdi
    mov r9, 0x0101010101010101
%assign r 0
%rep 16
    movq xmm %+ r, r11
    punpcklqdq xmm %+ r, xmm %+ r
    add r11, r9
%assign r r + 1
%endrep
    mov rax, rsi                        ; the number; arguments in RDI, RSI, RDX (then R10, R8, R9: zero)
    mov rdi, rdx
    mov rsi, rcx
    mov rdx, r8
    xor r10, r10
    xor r8, r8
    xor r9, r9
    syscall
%assign r 0
%rep 16
    movdqu [rbx + r * 16], xmm %+ r
%assign r r + 1
%endrep
    pop rbx
    ret
