; The floor the window server's full-frame composite is compared with: one copy of a frame
; with REP MOVSQ (what memcpy does for large blocks on x86-64).
bits 64
section .text
global bench_rep_movsq

; void bench_rep_movsq(void* destination (rdi), const void* source (rsi), ulong quadwords (rdx))
bench_rep_movsq:
    mov rcx, rdx
    cld
    rep movsq
    ret
