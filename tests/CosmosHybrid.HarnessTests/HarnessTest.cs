using System;
using System.Threading;
using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>
/// A fresh <see cref="InProcessKernel"/> per test, disposed afterwards (which kills every
/// process, so no thread stays blocked), and bounded waits: nothing a test waits for may
/// take longer than <see cref="Patience"/>, so a harness bug fails a test instead of hanging CI.
/// </summary>
public abstract class HarnessTest
{
    /// <summary>The longest any single wait in a test may take.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>How long a test watches a thread that should stay blocked.</summary>
    protected static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);

    protected InProcessKernel Kernel { get; private set; }

    [SetUp]
    public void CreateKernel() => Kernel = new InProcessKernel();

    [TearDown]
    public void DisposeKernel() => Kernel.Dispose();

    /// <summary>The negated error, as port operations return it.</summary>
    protected static long Failed(SyscallError error) => -(long)error;

    /// <summary>The task's result, failing the test if it does not complete within <see cref="Patience"/>.</summary>
    protected static T Within<T>(Task<T> task, string what = "the operation")
    {
        bool done = Task.WhenAny(task, Task.Delay(Patience)).GetAwaiter().GetResult() == task;
        Assert.That(done, Is.True, what + " did not complete within " + Patience.TotalSeconds + " s");
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Waits (bounded) for a task that must end because its process ended.</summary>
    protected static void AssertCanceledWithin(Task task, string what = "the thread")
    {
        bool done = Task.WhenAny(task, Task.Delay(Patience)).GetAwaiter().GetResult() == task;
        Assert.That(done, Is.True, what + " did not stop within " + Patience.TotalSeconds + " s");
        Assert.That(task.IsCanceled, Is.True, what + " should have been stopped by the end of its process (" + task.Status + ")");
    }

    /// <summary>Asserts that <paramref name="task"/> is still waiting after <see cref="Settle"/>.</summary>
    protected static void AssertStillBlocked(Task task, string what = "the operation")
    {
        Thread.Sleep(Settle);
        Assert.That(task.IsCompleted, Is.False, what + " should still be blocked");
    }
}
