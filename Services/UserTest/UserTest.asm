; Instructions usertest needs that C# cannot express.
bits 64
section .text

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
    cmp [rsp], rax
    setne r9b
    movzx r9, r9b
    add r8, r9
    cmp [rsp + 8], rax
    setne r9b
    movzx r9, r9b
    add r8, r9
    add rax, r11
%assign r r + 1
%endrep
    add rsp, 24
    mov rax, r8
    ret
