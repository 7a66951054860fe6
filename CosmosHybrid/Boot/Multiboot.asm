; Multiboot2 entry: GRUB jumps here in 32-bit protected mode with paging off,
; EAX = 0x36D76289 and EBX = physical address of the boot information.
; This stub checks for long mode, maps the kernel into the higher half, enables
; SSE, switches to 64-bit mode and calls kmain. Everything it uses lives in the
; low (identity-addressed) .boot sections; the C# kernel lives above KERNEL_VMA.

bits 32

KERNEL_VMA      equ 0xFFFFFFFF80000000
DIRECT_MAP_BASE equ 0xFFFF800000000000  ; all physical memory appears here (PML4 slot 256)
MB2_MAGIC       equ 0xE85250D6
MB2_ARCH_I386   equ 0
MB2_BOOT_MAGIC  equ 0x36D76289
PAGE_PRESENT    equ 1
PAGE_WRITE      equ 2
PAGE_HUGE       equ 0x80
COM1            equ 0x3F8

global _start
global boot_pml4
extern kmain
extern __ReadyToRunHeader
global __kernel_stack_top

section .multiboot
align 8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
    ; Framebuffer tag (optional flag set): ask GRUB for a 32-bpp linear framebuffer.
    align 8
    dw 5, 1
    dd 20
    dd 1024, 768, 32
    ; End tag.
    align 8
    dw 0, 0
    dd 8
mb2_header_end:

section .boot.text
_start:
    cli
    cld
    mov esp, boot_stack_top
    mov edi, eax                    ; keep magic and info pointer for kmain
    mov esi, ebx

    cmp edi, MB2_BOOT_MAGIC
    jne .not_multiboot

    ; Long mode needs CPUID leaf 0x80000001 with EDX bit 29.
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .no_long_mode
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29
    jz .no_long_mode
    mov ebp, edx                    ; remember the NX bit (EDX bit 20)

    call build_page_tables

    ; CR4: PAE (5), OSFXSR (9), OSXMMEXCPT (10).
    mov eax, cr4
    or eax, (1 << 5) | (1 << 9) | (1 << 10)
    mov cr4, eax

    mov eax, boot_pml4
    mov cr3, eax

    ; EFER: long mode enable (8), and no-execute enable (11) when the CPU has NX.
    mov ecx, 0xC0000080
    rdmsr
    or eax, 1 << 8
    test ebp, 1 << 20
    jz .no_nx
    or eax, 1 << 11
.no_nx:
    wrmsr

    ; CR0: paging (31), write-protect in ring 0 (16), FPU monitor (1); clear emulation (2).
    mov eax, cr0
    and eax, ~(1 << 2)
    or eax, (1 << 31) | (1 << 16) | (1 << 1)
    mov cr0, eax

    lgdt [boot_gdt_pointer]
    jmp 0x08:long_mode_entry

.not_multiboot:
    mov esi, msg_not_multiboot
    jmp fatal32
.no_long_mode:
    mov esi, msg_no_long_mode
    jmp fatal32

; Prints the zero-terminated string at ESI on COM1 and halts. Used only before
; long mode, when there is nothing better to report with.
fatal32:
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    lodsb
    test al, al
    jz .halt
    mov dx, COM1
    out dx, al
    mov dx, COM1 + 5
    jmp .wait
.halt:
    hlt
    jmp .halt

; Maps physical 0..4 GiB with 2 MiB pages three times over: identity (PML4 slot 0,
; only until kmain runs), the direct map (slot 256), and the kernel window at
; -2 GiB (slot 511, PDPT entries 510/511 = physical 0..2 GiB).
build_page_tables:
    ; Four page directories, 512 entries each, covering 4 GiB.
    mov edi, boot_page_directories
    mov eax, PAGE_PRESENT | PAGE_WRITE | PAGE_HUGE
    xor edx, edx
    mov ecx, 4 * 512
.fill_pd:
    mov [edi], eax
    mov [edi + 4], edx
    add eax, 0x200000
    adc edx, 0
    add edi, 8
    loop .fill_pd

    ; Low PDPT (identity and direct map): entries 0..3 point at the four directories.
    mov edi, boot_pdpt_low
    mov eax, boot_page_directories + (PAGE_PRESENT | PAGE_WRITE)
    mov ecx, 4
.fill_pdpt:
    mov [edi], eax
    add eax, 4096
    add edi, 8
    loop .fill_pdpt

    ; High PDPT: entries 510 and 511 map the first 2 GiB at -2 GiB.
    mov dword [boot_pdpt_high + 510 * 8], boot_page_directories + (PAGE_PRESENT | PAGE_WRITE)
    mov dword [boot_pdpt_high + 511 * 8], boot_page_directories + 4096 + (PAGE_PRESENT | PAGE_WRITE)

    mov dword [boot_pml4 + 0 * 8], boot_pdpt_low + (PAGE_PRESENT | PAGE_WRITE)
    mov dword [boot_pml4 + 256 * 8], boot_pdpt_low + (PAGE_PRESENT | PAGE_WRITE)
    mov dword [boot_pml4 + 511 * 8], boot_pdpt_high + (PAGE_PRESENT | PAGE_WRITE)
    ret

bits 64
long_mode_entry:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rax, higher_half_entry
    jmp rax

section .boot.data
align 16
boot_gdt:
    dq 0
    dq 0x00AF9A000000FFFF          ; 0x08: 64-bit code, ring 0
    dq 0x00CF92000000FFFF          ; 0x10: data, ring 0
boot_gdt_end:
boot_gdt_pointer:
    dw boot_gdt_end - boot_gdt - 1
    dq boot_gdt

msg_not_multiboot: db "CosmosHybrid: not started by a Multiboot2 loader", 13, 10, 0
msg_no_long_mode:  db "CosmosHybrid: this CPU does not support x86-64 long mode", 13, 10, 0

section .boot.bss nobits alloc write
alignb 4096
boot_pml4:             resb 4096
boot_pdpt_low:         resb 4096
boot_pdpt_high:        resb 4096
boot_page_directories: resb 4 * 4096
boot_stack:            resb 4096
boot_stack_top:

; From here on the code runs at its linked, higher-half address.
section .text
higher_half_entry:
    mov rsp, __kernel_stack_top
    xor rbp, rbp                    ; ends the frame-pointer chain for stack traces

    ; Drop the identity map: from now on physical memory is reached through the direct map.
    mov rax, DIRECT_MAP_BASE
    mov qword [rax + boot_pml4], 0
    mov rax, cr3
    mov cr3, rax

    lea rdi, [rel __ReadyToRunHeader]
    mov esi, esi                    ; multiboot info (physical), zero-extended
    call kmain
.halt:
    cli
    hlt
    jmp .halt

section .bss
alignb 16
kernel_stack: resb 64 * 1024          ; the boot thread's stack; its bottom page is unused headroom
__kernel_stack_top:

; Pages for the runtime before the frame allocator exists (static bases, boot data).
EARLY_ARENA_SIZE equ 1024 * 1024
alignb 4096
early_arena: resb EARLY_ARENA_SIZE
early_arena_end:

section .text
global boot_early_arena, boot_kernel_image, boot_thread_stack_top
extern __kernel_physical_start, __kernel_physical_end
extern __text_start, __text_end, __rodata_start, __rodata_end, __data_start, __data_end
global boot_kernel_sections

boot_early_arena:               ; (ulong* start, ulong* end): virtual bounds of the early arena
    mov rax, early_arena
    mov [rdi], rax
    mov rax, early_arena_end
    mov [rsi], rax
    ret

boot_kernel_image:              ; (ulong* start, ulong* end): physical bounds of the loaded image
    mov rax, __kernel_physical_start
    mov [rdi], rax
    mov rax, __kernel_physical_end
    mov [rsi], rax
    ret

boot_thread_stack_top:          ; void* (): top of the boot thread's stack, where GC stack scans end
    mov rax, __kernel_stack_top
    ret

boot_kernel_sections:           ; (ulong* six): virtual bounds of code, read-only data, and writable data (through .bss)
    mov rax, __text_start
    mov [rdi], rax
    mov rax, __text_end
    mov [rdi + 8], rax
    mov rax, __rodata_start
    mov [rdi + 16], rax
    mov rax, __rodata_end
    mov [rdi + 24], rax
    mov rax, __data_start
    mov [rdi + 32], rax
    mov rax, __data_end
    mov [rdi + 40], rax
    ret
