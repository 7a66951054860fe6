using CosmosHybrid.Scheduling;

namespace CosmosHybrid.UnitTests.Scheduling;

/// <summary>Stands in for the kernel's thread type, which derives from <see cref="SchedulerNode"/> the same way.</summary>
internal sealed class TestThread : SchedulerNode
{
    public TestThread(string name, int priority, int id = 0) : base(id, priority)
    {
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name + "(p" + BasePriority + "/" + EffectivePriority + " " + State + ")";
}
