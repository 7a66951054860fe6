using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Internal.Runtime.ExceptionHandling;

/// <summary>
/// Where a throw enters the runtime. ExceptionStubs.asm records the thrower's registers
/// (RhpThrowEx, RhpRethrow, RhpThrowHwEx) and calls <see cref="Dispatch"/>.
/// </summary>
internal static unsafe class ExceptionEntryPoints
{
    private const int KindThrow = 0;
    private const int KindRethrow = 1;
    private const int KindNullReference = 2;
    private const int KindDivideByZero = 3;

    [RuntimeExport("RhpDispatchException")]
    private static void Dispatch(object exception, RegisterContext* site, int kind)
    {
        bool isFaulting = kind >= KindNullReference;
        if (Thread.CurrentThread.InExceptionDispatch)
        {
            // Dispatching again would meet the same fault, or recurse until the stack is gone.
            RuntimeHost.FailFast("exception inside the exception dispatcher", DescribeKind(kind));
            return;
        }
        if (kind == KindRethrow)
            exception = FindRethrownException(site);
        else if (kind == KindNullReference)
            exception = new NullReferenceException();
        else if (kind == KindDivideByZero)
            exception = new DivideByZeroException();

        if (exception is not Exception managed)
        {
            RuntimeHost.FailFast("unhandled exception", kind == KindRethrow ? "rethrow outside a catch block" : "(not an Exception)");
            return;
        }
        if (kind != KindRethrow)
            managed.ResetStackTrace();
        ExceptionDispatcher.Dispatch(managed, site, isFaulting);
    }

    private static string DescribeKind(int kind) => kind switch
    {
        KindNullReference => "a null dereference (NullReferenceException)",
        KindDivideByZero => "a division by zero (DivideByZeroException)",
        _ => "a throw",
    };

    /// <summary>`throw;` is called from a catch funclet; the stub that called the funclet knows the exception.</summary>
    private static object FindRethrownException(RegisterContext* site)
    {
        var frames = new StackFrameIterator();
        if (!frames.Init(site, isFaulting: false) || !frames.Method.IsFunclet)
            return null;
        RegisterContext context = frames.Context;
        if (!FrameUnwinder.TryStepToCaller(in frames.Entry, context.Rip - 1, ref context))
            return null;
        FuncletCall* call = *(FuncletCall**)context.Rsp;
        void* exception = call->Exception;
        return Unsafe.As<IntPtr, object>(ref *(IntPtr*)&exception);
    }
}
