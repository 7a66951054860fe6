using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>
/// A dedicated lock object, as .NET 9's: the C# <c>lock</c> statement on a <see cref="Lock"/>
/// calls <see cref="EnterScope"/> instead of Monitor. Same <see cref="ThinLock"/> underneath,
/// with its words in the object itself. The heap does not move objects, so a pointer to them
/// stays good (and is taken without <c>fixed</c>: a method with a pinned local is never inlined).
/// </summary>
public sealed unsafe class Lock
{
    private int _state;
    private int _recursion;

    private int* State
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (int*)Unsafe.AsPointer(ref _state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        int* state = State;
        ThinLock.Enter(state, state + 1);
    }

    public bool TryEnter() => TryEnter(0);

    public bool TryEnter(int millisecondsTimeout)
    {
        Timeout.Validate(millisecondsTimeout);
        int* state = State;
        return ThinLock.TryEnter(state, state + 1, millisecondsTimeout);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit()
    {
        int* state = State;
        ThinLock.Exit(state, state + 1);
    }

    public bool IsHeldByCurrentThread
    {
        get
        {
            return ThinLock.IsHeldByCurrentThread(State);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Scope EnterScope()
    {
        Enter();
        return new Scope(this);
    }

    /// <summary>What <c>lock (aLock)</c> holds: disposing it exits the lock.</summary>
    public ref struct Scope
    {
        private Lock _lock;

        internal Scope(Lock owner) => _lock = owner;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose()
        {
            Lock owner = _lock;
            if (owner != null)
            {
                _lock = null;
                owner.Exit();
            }
        }
    }
}
