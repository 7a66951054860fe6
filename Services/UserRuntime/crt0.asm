; Ring-3 program start-up. The kernel enters _start with RSP at the top of the main
; thread's stack (16-byte aligned), RDI/RSI = the argument string (bytes on the
; stack, and their count) and every other register zero. We remember the
; stack top for the garbage collector's stack scan and call the C# start-up code,
; whose return value becomes the exit status.

bits 64
default rel

global _start, user_syscall, user_stack_top_value, user_thread_start
extern UserStartup
extern __ReadyToRunHeader

SYSCALL_EXIT equ 0
SYSCALL_EXIT_THREAD equ 16

section .bss
alignb 8
user_stack_top: resq 1

section .text
_start:
    mov [user_stack_top], rsp
    xor ebp, ebp
    mov rdx, rsi
    mov rsi, rdi
    lea rdi, [__ReadyToRunHeader]
    call UserStartup                ; int UserStartup(void* readyToRunHeader, byte* arguments, long length)
    mov edi, eax
    mov eax, SYSCALL_EXIT
    syscall
    ud2

; long user_syscall(long number, long a0, long a1, long a2, long a3, long a4):
; moves the C arguments into the system call registers (RAX; RDI, RSI, RDX, R10, R8).
user_syscall:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    syscall
    ret

user_stack_top_value:               ; void* (): the main thread's stack top
    mov rax, [user_stack_top]
    ret

; Start of a thread made by UserThread.Start: RDI points at {function, argument} at the
; top of the new stack. Calls function(argument), then ends the thread.
user_thread_start:
    mov rax, [rdi]
    mov rdi, [rdi + 8]
    xor ebp, ebp
    call rax
    mov eax, SYSCALL_EXIT_THREAD
    syscall
    ud2

global user_thread_start_address
user_thread_start_address:          ; ulong (): where new threads begin
    lea rax, [user_thread_start]
    ret
