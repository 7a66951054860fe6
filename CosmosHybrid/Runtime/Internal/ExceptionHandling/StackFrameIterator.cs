namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// Walks managed frames from a throw site towards the thread's first frame. A funclet's
/// frame is followed by the frame that owns it, not by the stub that called it: the
/// frames between (an earlier dispatch, the code that threw before) are left behind,
/// and the owner's clauses up to the one whose funclet was running are not looked at
/// again. The walk stops at a filter funclet (an exception leaving a filter makes the
/// filter false) and at code that has no unwind entry (the start of the stack).
/// </summary>
internal unsafe struct StackFrameIterator
{
    public RegisterContext Context;
    public UnwindEntry Entry;
    public MethodCodeInfo Method;

    /// <summary>True when <see cref="Context"/>.Rip is the faulting instruction rather than a return address.</summary>
    public bool IsFaultingFrame;

    /// <summary>Set when the frame was reached by leaving a funclet: clauses up to this index were already handled.</summary>
    public bool SkipsClauses;
    public uint LastHandledClause;

    /// <summary>Set when the walk stopped because it reached a filter funclet's caller.</summary>
    public FuncletCall* StoppedAtFilter;

    public bool Init(RegisterContext* context, bool isFaulting)
    {
        Context = *context;
        IsFaultingFrame = isFaulting;
        SkipsClauses = false;
        StoppedAtFilter = null;
        return FindMethod();
    }

    /// <summary>The offset of the frame's pc from its method's start, for clause ranges.</summary>
    public uint CodeOffset => (uint)(Context.Rip - Method.MethodStart);

    public bool Next()
    {
        ulong pc = IsFaultingFrame ? Context.Rip : Context.Rip - 1;
        bool wasFunclet = Method.IsFunclet;
        bool wasFilter = Method.IsFilter;
        if (!FrameUnwinder.TryStepToCaller(in Entry, pc, ref Context))
            return false;
        IsFaultingFrame = false;
        SkipsClauses = false;

        if (wasFunclet)
        {
            // The stub that called the funclet left its FuncletCall at the top of its stack.
            FuncletCall* call = *(FuncletCall**)Context.Rsp;
            if (wasFilter)
            {
                StoppedAtFilter = call;
                return false;
            }
            Context = call->Frame;
            IsFaultingFrame = call->FrameIsFaulting;
            SkipsClauses = true;
            LastHandledClause = call->ClauseIndex;
        }
        return FindMethod();
    }

    private bool FindMethod()
    {
        ulong pc = IsFaultingFrame ? Context.Rip : Context.Rip - 1;
        return UnwindTable.TryFind(pc, out Entry) && MethodCodeInfo.TryDecode(in Entry, out Method);
    }

    /// <summary>The clauses whose try region holds this frame's pc, innermost first (see <see cref="ClauseWalk"/>).</summary>
    public ClauseWalk Clauses() => new ClauseWalk(Method.EHInfo, CodeOffset, SkipsClauses, LastHandledClause);
}

/// <summary>
/// The clauses of one frame whose try region holds its pc, innermost first, without those
/// an earlier dispatch already ran in this frame (nor the clauses sharing their try region:
/// the other catches of the same try).
/// </summary>
internal unsafe struct ClauseWalk
{
    private EHClauseReader _reader;
    private readonly uint _offset;
    private readonly uint _lastHandled;
    private bool _skipping;
    private uint _nextIndex;
    private uint _skippedTryStart;
    private uint _skippedTryEnd;

    public ClauseWalk(byte* ehInfo, uint offset, bool skipping, uint lastHandled)
    {
        _reader = new EHClauseReader(ehInfo);
        _offset = offset;
        _skipping = skipping;
        _lastHandled = lastHandled;
        _nextIndex = 0;
        _skippedTryStart = 0;
        _skippedTryEnd = 0;
    }

    public bool TryNext(out EHClause clause, out uint index)
    {
        while (_reader.TryRead(out clause))
        {
            index = _nextIndex++;
            if (_skipping)
            {
                if (index <= _lastHandled)
                {
                    _skippedTryStart = clause.TryStart;
                    _skippedTryEnd = clause.TryEnd;
                    continue;
                }
                if (clause.TryStart == _skippedTryStart && clause.TryEnd == _skippedTryEnd)
                    continue;
                _skipping = false;
            }
            if (clause.Contains(_offset))
                return true;
        }
        index = 0;
        return false;
    }
}
