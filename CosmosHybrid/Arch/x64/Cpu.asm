; Single-instruction CPU operations that C# cannot express: port I/O, control
; registers, model-specific registers, descriptor tables, halting. Each routine
; follows the System V AMD64 calling convention (args in rdi, rsi, rdx; result in rax).

bits 64
default rel
section .text

global cpu_outb, cpu_outw, cpu_outl, cpu_inb, cpu_inw, cpu_inl
global cpu_read_cr0, cpu_read_cr2, cpu_read_cr3, cpu_read_cr4, cpu_write_cr3
global cpu_read_msr, cpu_write_msr, cpu_cpuid, cpu_read_tsc
global cpu_load_gdt, cpu_load_tss, cpu_load_idt
global cpu_enable_interrupts, cpu_disable_interrupts, cpu_halt, cpu_wait_for_interrupt
global cpu_read_frame_pointer, cpu_read_rflags, cpu_disable_interrupts_saving, cpu_invalidate_page

cpu_outb:                   ; (ushort port, byte value)
    mov edx, edi
    mov eax, esi
    out dx, al
    ret

cpu_outw:                   ; (ushort port, ushort value)
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret

cpu_outl:                   ; (ushort port, uint value)
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret

cpu_inb:                    ; byte (ushort port)
    mov edx, edi
    xor eax, eax
    in al, dx
    ret

cpu_inw:                    ; ushort (ushort port)
    mov edx, edi
    xor eax, eax
    in ax, dx
    ret

cpu_inl:                    ; uint (ushort port)
    mov edx, edi
    in eax, dx
    ret

cpu_read_cr0:
    mov rax, cr0
    ret

cpu_read_cr2:               ; the faulting address of the last page fault
    mov rax, cr2
    ret

cpu_read_cr3:
    mov rax, cr3
    ret

cpu_read_cr4:
    mov rax, cr4
    ret

cpu_write_cr3:              ; (ulong value): switches address space, flushing non-global TLB entries
    mov cr3, rdi
    ret

cpu_read_msr:               ; ulong (uint msr)
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret

cpu_write_msr:              ; (uint msr, ulong value)
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret

cpu_cpuid:                  ; (uint leaf, uint subleaf, uint* eax_ebx_ecx_edx)
    push rbx
    mov eax, edi
    mov ecx, esi
    mov r8, rdx
    cpuid
    mov [r8], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret

cpu_read_tsc:               ; ulong ()
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

; (void* gdtPointer, ushort codeSelector, ushort dataSelector): loads the GDT and
; reloads every segment register; CS can only change through a far return.
cpu_load_gdt:
    lgdt [rdi]
    mov ax, dx
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    pop rdx                 ; return address
    push rsi
    push rdx
    retfq

cpu_load_tss:               ; (ushort selector)
    ltr di
    ret

cpu_load_idt:               ; (void* idtPointer)
    lidt [rdi]
    ret

cpu_enable_interrupts:
    sti
    ret

cpu_disable_interrupts:
    cli
    ret

cpu_halt:                   ; stops this CPU for good
    cli
.again:
    hlt
    jmp .again

cpu_wait_for_interrupt:     ; enables interrupts and sleeps until the next one, atomically
    sti
    hlt
    ret

cpu_read_frame_pointer:     ; the caller's rbp, where a stack walk starts
    mov rax, rbp
    ret

cpu_read_rflags:
    pushfq
    pop rax
    ret

cpu_disable_interrupts_saving:  ; returns RFLAGS as it was, then disables interrupts
    pushfq
    pop rax
    cli
    ret

cpu_invalidate_page:        ; (ulong virtualAddress)
    invlpg [rdi]
    ret

global cpu_write_cr4
cpu_write_cr4:              ; (ulong value)
    mov cr4, rdi
    ret

global cpu_raise_irq5
cpu_raise_irq5:             ; raises vector 37 (IRQ 5 after the PIC remap) in software, for self-tests
    int 37
    ret
