namespace CosmosHybrid.Arch.X64;

/// <summary>CPU exception vectors 0–31 (Intel SDM vol. 3, table 6-1) and their names.</summary>
internal static class ExceptionVector
{
    public const int DivideError = 0;
    public const int Debug = 1;
    public const int NonMaskableInterrupt = 2;
    public const int Breakpoint = 3;
    public const int InvalidOpcode = 6;
    public const int DoubleFault = 8;
    public const int GeneralProtection = 13;
    public const int PageFault = 14;
    public const int MachineCheck = 18;

    public const int Count = 32;

    public static string Name(int vector) => vector switch
    {
        0 => "Divide error (#DE)",
        1 => "Debug (#DB)",
        2 => "Non-maskable interrupt (NMI)",
        3 => "Breakpoint (#BP)",
        4 => "Overflow (#OF)",
        5 => "BOUND range exceeded (#BR)",
        6 => "Invalid opcode (#UD)",
        7 => "Device not available (#NM)",
        8 => "Double fault (#DF)",
        9 => "Coprocessor segment overrun",
        10 => "Invalid TSS (#TS)",
        11 => "Segment not present (#NP)",
        12 => "Stack-segment fault (#SS)",
        13 => "General protection fault (#GP)",
        14 => "Page fault (#PF)",
        16 => "x87 floating-point error (#MF)",
        17 => "Alignment check (#AC)",
        18 => "Machine check (#MC)",
        19 => "SIMD floating-point exception (#XM)",
        20 => "Virtualization exception (#VE)",
        21 => "Control protection exception (#CP)",
        28 => "Hypervisor injection exception (#HV)",
        29 => "VMM communication exception (#VC)",
        30 => "Security exception (#SX)",
        _ => "Reserved exception",
    };

    /// <summary>Decodes a page-fault error code (Intel SDM vol. 3, 4.7).</summary>
    public static string DescribePageFault(ulong errorCode) => string.Concat(
        (errorCode & 1) != 0 ? "protection violation" : "page not present",
        (errorCode & 2) != 0 ? ", write" : ", read",
        (errorCode & 4) != 0 ? ", user mode" : ", kernel mode",
        (errorCode & 16) != 0 ? ", instruction fetch" : "");
}
