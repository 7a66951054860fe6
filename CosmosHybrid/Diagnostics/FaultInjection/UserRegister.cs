namespace CosmosHybrid.Diagnostics.FaultInjection;

/// <summary>The ring-3 registers a register fault may hit.</summary>
internal enum UserRegister
{
    Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rbp, Rsp,
    R8, R9, R10, R11, R12, R13, R14, R15,
    Rip, Rflags,
}
