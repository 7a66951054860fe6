; The net service's one piece of assembly: the ones'-complement sum behind every IPv4, TCP and
; UDP checksum (RFC 1071), the largest single cost of a segment. ADC adds each word's carry into
; the next add, which C# cannot say: its loop needs a load and an add per 4 bytes (21
; instructions per 32-byte block), this one 7 per block.

bits 64
default rel

global net_ones_sum_blocks

section .text

; ulong net_ones_sum_blocks(byte* data, nint blocks): the 64-bit ones'-complement sum of
; blocks * 32 bytes (little-endian 64-bit words; blocks may be 0).
net_ones_sum_blocks:
    xor eax, eax                ; the sum, and CF clear
    test rsi, rsi
    jz .done
.block:
    adc rax, [rdi]
    adc rax, [rdi + 8]
    adc rax, [rdi + 16]
    adc rax, [rdi + 24]
    lea rdi, [rdi + 32]         ; LEA and DEC leave CF alone: the chain runs on
    dec rsi
    jnz .block
    adc rax, 0                  ; the end-around carry; a second for the case that wraps to 0
    adc rax, 0
.done:
    ret
