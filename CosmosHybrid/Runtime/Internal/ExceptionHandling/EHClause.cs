namespace Internal.Runtime.ExceptionHandling;

internal enum EHClauseKind
{
    Typed = 0,
    /// <summary>finally and fault: run while unwinding, whatever the exception.</summary>
    Fault = 1,
    Filter = 2,
}

/// <summary>One try region and its handler, offsets from the method's start.</summary>
internal unsafe struct EHClause
{
    public uint TryStart;
    public uint TryEnd;
    public EHClauseKind Kind;
    public uint HandlerOffset;
    public uint FilterOffset;
    public MethodTable* CatchType;

    public bool Contains(uint offset) => offset >= TryStart && offset < TryEnd;
}

/// <summary>
/// Reads a method's EH clauses, innermost first, as ILC encodes them: a count, then per
/// clause the try start, (try length &lt;&lt; 2 | kind), the handler offset, and a relative
/// pointer to the caught type (typed) or the filter's offset (filter). The numbers use
/// the NativeFormat variable-length encoding (the low bits of the first byte give the length).
/// </summary>
internal unsafe struct EHClauseReader
{
    private byte* _next;
    private uint _remaining;

    public EHClauseReader(byte* ehInfo)
    {
        _next = ehInfo;
        _remaining = ehInfo == null ? 0 : ReadUnsigned(ref _next);
    }

    public bool TryRead(out EHClause clause)
    {
        clause = default;
        if (_remaining == 0)
            return false;
        _remaining--;
        clause.TryStart = ReadUnsigned(ref _next);
        uint lengthAndKind = ReadUnsigned(ref _next);
        clause.Kind = (EHClauseKind)(lengthAndKind & 3);
        clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
        clause.HandlerOffset = ReadUnsigned(ref _next);
        if (clause.Kind == EHClauseKind.Typed)
        {
            clause.CatchType = (MethodTable*)(_next + *(int*)_next);
            _next += 4;
        }
        else if (clause.Kind == EHClauseKind.Filter)
        {
            clause.FilterOffset = ReadUnsigned(ref _next);
        }
        return true;
    }

    private static uint ReadUnsigned(ref byte* p)
    {
        uint first = *p;
        uint value;
        if ((first & 1) == 0)
        {
            value = first >> 1;
            p += 1;
        }
        else if ((first & 2) == 0)
        {
            value = (first >> 2) | ((uint)p[1] << 6);
            p += 2;
        }
        else if ((first & 4) == 0)
        {
            value = (first >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13);
            p += 3;
        }
        else if ((first & 8) == 0)
        {
            value = (first >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20);
            p += 4;
        }
        else
        {
            value = *(uint*)(p + 1);
            p += 5;
        }
        return value;
    }
}
