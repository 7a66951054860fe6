namespace System.Runtime.CompilerServices;

/// <summary>
/// The compiler stores a static constructor's address just before the type's
/// non-GC statics; the first access to a static calls through here. Clearing the
/// address before running the constructor makes re-entrant accesses see it as done.
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
internal struct StaticClassConstructionContext
{
    public nint cctorMethodAddress;
}

internal static unsafe class ClassConstructorRunner
{
    private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
    {
        EnsureClassConstructorRun(ref context);
        return gcStaticBase;
    }

    private static void* CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, void* nonGcStaticBase)
    {
        EnsureClassConstructorRun(ref context);
        return nonGcStaticBase;
    }

    private static void EnsureClassConstructorRun(ref StaticClassConstructionContext context)
    {
        nint constructor = context.cctorMethodAddress;
        if (constructor == 0)
            return;
        context.cctorMethodAddress = 0;
        ((delegate*<void>)constructor)();
    }
}
