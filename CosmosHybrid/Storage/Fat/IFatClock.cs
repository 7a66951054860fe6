namespace CosmosHybrid.Storage.Fat;

/// <summary>Source of the current local time for directory entry timestamps.</summary>
public interface IFatClock
{
    /// <summary>Returns the current local date and time.</summary>
    FatTimestamp Now { get; }
}
