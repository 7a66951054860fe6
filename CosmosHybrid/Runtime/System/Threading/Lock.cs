namespace System.Threading;

/// <summary>
/// A dedicated lock object, as .NET 9's: the C# <c>lock</c> statement on a <see cref="Lock"/>
/// calls <see cref="EnterScope"/> instead of Monitor. Same <see cref="ThinLock"/> underneath,
/// with its words in the object itself.
/// </summary>
public sealed unsafe class Lock
{
    private int _state;
    private int _recursion;

    public void Enter()
    {
        fixed (int* state = &_state)
            ThinLock.Enter(state, state + 1);
    }

    public bool TryEnter() => TryEnter(0);

    public bool TryEnter(int millisecondsTimeout)
    {
        Timeout.Validate(millisecondsTimeout);
        fixed (int* state = &_state)
            return ThinLock.TryEnter(state, state + 1, millisecondsTimeout);
    }

    public void Exit()
    {
        fixed (int* state = &_state)
            ThinLock.Exit(state, state + 1);
    }

    public bool IsHeldByCurrentThread
    {
        get
        {
            fixed (int* state = &_state)
                return ThinLock.IsHeldByCurrentThread(state);
        }
    }

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
