using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// Two-pass dispatch, as .NET does it. The first pass walks the frames from the throw
/// site, records them for the stack trace, and asks each try region that holds the pc
/// whether it takes the exception: a catch by type, or a filter, which runs now, before
/// any finally. The second pass walks the same frames again, runs the finally (and
/// fault) handlers inside the one that was found, then calls the catch funclet and
/// resumes its method after the catch; the stack below is dropped. When no handler takes
/// the exception, the program ends with the type, message and stack trace (a panic in
/// ring 0); nothing has been unwound then, as in .NET. The thread is marked as dispatching
/// (<see cref="Thread.InExceptionDispatch"/>) except while a funclet runs, so that a throw or
/// fault in the dispatcher itself ends the program with a report instead of dispatching again.
/// </summary>
internal static unsafe class ExceptionDispatcher
{
    [DllImport("*", EntryPoint = "RhpCallCatchFunclet"), SuppressGCTransition]
    private static extern void CallCatchFunclet(void* exception, ulong handler, FuncletCall* call);

    [DllImport("*", EntryPoint = "RhpCallFinallyFunclet"), SuppressGCTransition]
    private static extern void CallFinallyFunclet(ulong handler, FuncletCall* call);

    [DllImport("*", EntryPoint = "RhpCallFilterFunclet"), SuppressGCTransition]
    private static extern int CallFilterFunclet(void* exception, ulong filter, FuncletCall* call);

    [DllImport("*", EntryPoint = "RhpResumeAfterFailedFilter"), SuppressGCTransition]
    private static extern void ResumeAfterFailedFilter(ulong filterCallStackPointer);

    public static void Dispatch(Exception exception, RegisterContext* site, bool isFaulting)
    {
        void* exceptionPointer = *(void**)Unsafe.AsPointer(ref exception);
        Thread thread = Thread.CurrentThread;
        thread.InExceptionDispatch = true;
        FuncletCall call = default;
        call.Exception = exceptionPointer;

        // First pass: find the handler; nothing is unwound yet.
        var frames = new StackFrameIterator();
        int handlerFrame = -1;
        uint handlerClause = 0;
        ulong handlerAddress = 0;
        FuncletCall* failedFilter = null;
        if (frames.Init(site, isFaulting))
        {
            for (int frame = 0; ; frame++)
            {
                exception.AppendStackFrame(frames.Context.Rip);
                if (FindHandler(ref frames, thread, exceptionPointer, &call, out handlerClause, out handlerAddress))
                {
                    handlerFrame = frame;
                    break;
                }
                if (!frames.Next())
                {
                    failedFilter = frames.StoppedAtFilter;
                    if (failedFilter != null)
                        handlerFrame = frame;
                    break;
                }
            }
        }
        if (handlerFrame < 0)
        {
            ReportUnhandled(exception);
            return;
        }

        // Second pass: run the finally handlers inside the handler, innermost first.
        frames.Init(site, isFaulting);
        for (int frame = 0; ; frame++)
        {
            bool isHandlerFrame = frame == handlerFrame;
            ClauseWalk clauses = frames.Clauses();
            while (clauses.TryNext(out EHClause clause, out uint index))
            {
                if (isHandlerFrame && failedFilter == null && index >= handlerClause)
                    break;
                if (clause.Kind != EHClauseKind.Fault)
                    continue;
                call.Frame = frames.Context;
                call.FrameIsFaulting = frames.IsFaultingFrame;
                call.ClauseIndex = index;
                thread.InExceptionDispatch = false;
                CallFinallyFunclet(frames.Method.MethodStart + clause.HandlerOffset, &call);
                thread.InExceptionDispatch = true;
            }
            if (isHandlerFrame)
                break;
            frames.Next();
        }

        // Neither of the two calls below returns here: the thread leaves the dispatcher.
        thread.InExceptionDispatch = false;
        if (failedFilter != null)
        {
            ResumeAfterFailedFilter(failedFilter->FilterStackPointer);
            return;
        }
        call.Frame = frames.Context;
        call.FrameIsFaulting = frames.IsFaultingFrame;
        call.ClauseIndex = handlerClause;
        CallCatchFunclet(exceptionPointer, handlerAddress, &call);
    }

    private static bool FindHandler(ref StackFrameIterator frames, Thread thread, void* exception, FuncletCall* call, out uint clauseIndex, out ulong handler)
    {
        ClauseWalk clauses = frames.Clauses();
        while (clauses.TryNext(out EHClause clause, out clauseIndex))
        {
            handler = frames.Method.MethodStart + clause.HandlerOffset;
            if (clause.Kind == EHClauseKind.Typed)
            {
                if (IsInstanceOf(clause.CatchType, exception))
                    return true;
            }
            else if (clause.Kind == EHClauseKind.Filter)
            {
                call->Frame = frames.Context;
                call->FrameIsFaulting = frames.IsFaultingFrame;
                call->ClauseIndex = clauseIndex;
                thread.InExceptionDispatch = false;
                bool taken = CallFilterFunclet(exception, frames.Method.MethodStart + clause.FilterOffset, call) != 0;
                thread.InExceptionDispatch = true;
                if (taken)
                    return true;
            }
        }
        clauseIndex = 0;
        handler = 0;
        return false;
    }

    private static bool IsInstanceOf(MethodTable* type, void* exception)
    {
        for (MethodTable* t = *(MethodTable**)exception; t != null; t = t->BaseType)
        {
            if (t == type)
                return true;
        }
        return false;
    }

    private static void ReportUnhandled(Exception exception)
    {
        Exception e = exception;
        string type = RuntimeHost.DescribeType(**(MethodTable***)Unsafe.AsPointer(ref e));
        RuntimeHost.FailFast("unhandled exception " + type, exception.Message + "\n" + exception.StackTrace);
    }
}
