; Block transfers for the ATA PIO data port: one `rep insw`/`rep outsw` moves a whole
; sector (256 words) instead of 256 separate port accesses from C#.
; System V AMD64 calling convention: (ushort port, void* buffer, ulong words).

bits 64
default rel
section .text

global ata_read_words, ata_write_words

ata_read_words:             ; (ushort port, ushort* destination, ulong count)
    mov rcx, rdx
    mov edx, edi
    mov rdi, rsi
    cld
    rep insw
    ret

ata_write_words:            ; (ushort port, ushort* source, ulong count)
    mov rcx, rdx
    mov edx, edi
    cld
    rep outsw
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
