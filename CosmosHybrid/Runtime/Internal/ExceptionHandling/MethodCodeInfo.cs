namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// ILC's per-function block (the FDE's "LSDA", in .dotnet_eh_table): a flags byte says
/// whether the code is a method's main body or one of its funclets. A funclet's block
/// points back at its method's, and gives its own offset from the method's start; the
/// method's block holds a relative pointer to the EH clauses when there are any.
/// </summary>
internal unsafe struct MethodCodeInfo
{
    private const byte KindMask = 0x03;
    private const byte KindHandler = 0x01;
    private const byte KindFilter = 0x02;
    private const byte HasEHInfo = 0x04;
    private const byte HasAssociatedData = 0x10;

    /// <summary>The start of the method's main body: clause offsets count from here.</summary>
    public ulong MethodStart;
    public byte* EHInfo;
    public byte Kind;

    public bool IsFunclet => Kind != 0;
    public bool IsFilter => Kind == KindFilter;

    public static bool TryDecode(in UnwindEntry entry, out MethodCodeInfo info)
    {
        info = default;
        byte* lsda = entry.Lsda;
        if (lsda == null)
            return false;
        byte flags = *lsda;
        info.Kind = (byte)(flags & KindMask);
        byte* main = lsda;
        info.MethodStart = entry.Start;
        if (info.Kind != 0)
        {
            main = lsda + 1 + *(int*)(lsda + 1);
            info.MethodStart = entry.Start - *(uint*)(lsda + 5);
        }
        byte mainFlags = *main;
        byte* p = main + 1;
        if ((mainFlags & HasAssociatedData) != 0)
            p += 4;
        if ((mainFlags & HasEHInfo) != 0)
            info.EHInfo = p + *(int*)p;
        return true;
    }
}
