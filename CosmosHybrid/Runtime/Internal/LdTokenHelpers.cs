using System;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>Materializes `ldtoken` results (typeof, array initializer data); ILC finds these by name.</summary>
internal static unsafe class LdTokenHelpers
{
    private static RuntimeTypeHandle GetRuntimeTypeHandle(nint methodTable) => new RuntimeTypeHandle(methodTable);

    private static RuntimeMethodHandle GetRuntimeMethodHandle(nint handleSignature) => new RuntimeMethodHandle(handleSignature);

    private static RuntimeFieldHandle GetRuntimeFieldHandle(nint handleSignature) => new RuntimeFieldHandle(handleSignature);

    private static Type GetRuntimeType(nint methodTable) => RuntimeType.Of((MethodTable*)methodTable);
}
