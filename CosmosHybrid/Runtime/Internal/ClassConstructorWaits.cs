using Internal.Runtime;

namespace System.Runtime.CompilerServices;

/// <summary>
/// Which thread waits for which static constructor, so that a wait that would close a cycle
/// is not made (.NET's deadlock check for class constructors). A small fixed table under a spin
/// lock: it may be used before anything else of the runtime works, and waits are rare and short.
/// </summary>
internal static unsafe class ClassConstructorWaits
{
    private const int Capacity = 64;

    private static WaitTable s_table;
    private static int s_lock;

    private struct WaitTable
    {
        public fixed long Threads[Capacity];
        public fixed long Contexts[Capacity];
    }

    /// <summary>
    /// Records that <paramref name="self"/> waits for <paramref name="context"/>'s constructor, and
    /// says whether that wait closes a cycle. Then it forgets the wait and the caller goes on.
    /// </summary>
    public static bool WouldDeadlock(nint self, ref StaticClassConstructionContext context)
    {
        fixed (StaticClassConstructionContext* waitedFor = &context)
        fixed (WaitTable* table = &s_table)
        {
            Enter();
            bool cycle = false;
            int mine = Find(table, self);
            if (mine < 0)
                mine = Find(table, 0);
            if (mine >= 0)
            {
                table->Threads[mine] = self;
                table->Contexts[mine] = (long)waitedFor;
                // Follow owner -> what it waits for -> its owner ..., at most once round the table.
                nint owner = ClassConstructorRunner.OwnerOf(waitedFor);
                for (int step = 0; step < Capacity && owner != 0; step++)
                {
                    if (owner == self)
                    {
                        cycle = true;
                        break;
                    }
                    int entry = Find(table, owner);
                    if (entry < 0)
                        break;
                    owner = ClassConstructorRunner.OwnerOf((StaticClassConstructionContext*)table->Contexts[entry]);
                }
                if (cycle)
                {
                    // This thread stops waiting: the other side's walk no longer finds a cycle, so it waits for us.
                    table->Threads[mine] = 0;
                    table->Contexts[mine] = 0;
                }
            }
            Exit();
            return cycle;
        }
    }

    /// <summary><paramref name="self"/> waits no more.</summary>
    public static void Forget(nint self)
    {
        fixed (WaitTable* table = &s_table)
        {
            if (Find(table, self) < 0)   // read without the lock: only this thread adds its own entry
                return;
            Enter();
            int entry = Find(table, self);
            if (entry >= 0)
            {
                table->Threads[entry] = 0;
                table->Contexts[entry] = 0;
            }
            Exit();
        }
    }

    private static int Find(WaitTable* table, nint thread)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (table->Threads[i] == thread)
                return i;
        }
        return -1;
    }

    private static void Enter()
    {
        while (Threading.Interlocked.CompareExchange(ref s_lock, 1, 0) != 0)
            RuntimeHost.YieldThread();
    }

    private static void Exit() => Threading.Interlocked.Exchange(ref s_lock, 0);
}
