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

SYSCALL_PORT_CALL       equ 37
SYSCALL_PORT_REPLY_WAIT equ 38

global user_port_call, user_port_reply_wait

; long user_port_call(long handle, ShortMessage* message) and
; long user_port_reply_wait(long handle, ShortMessage* message):
; the five message words go in RSI, RDX, R10, R8, R9 and come back there (the reply,
; or the next request); the kernel passes them between threads without touching memory.
user_port_call:
    mov eax, SYSCALL_PORT_CALL
    jmp port_register_call
user_port_reply_wait:
    mov eax, SYSCALL_PORT_REPLY_WAIT
port_register_call:
    push rbx
    mov rbx, rsi                    ; keep the message pointer (callee-saved, survives SYSCALL)
    mov rsi, [rbx]
    mov rdx, [rbx + 8]
    mov r10, [rbx + 16]
    mov r8, [rbx + 24]
    mov r9, [rbx + 32]
    syscall
    mov [rbx], rsi
    mov [rbx + 8], rdx
    mov [rbx + 16], r10
    mov [rbx + 24], r8
    mov [rbx + 32], r9
    pop rbx
    ret
