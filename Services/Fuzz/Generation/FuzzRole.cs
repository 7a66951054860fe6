namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>Who makes the calls, which decides what the fuzzer may do to itself.</summary>
public enum FuzzRole
{
    /// <summary>
    /// The fuzzer's own process: it must live to print the summary, so it never ends or
    /// stops its own threads, never unmaps memory it did not map for fuzzing, never closes
    /// its standard output, and never makes a call that may wait without a time-out.
    /// </summary>
    Main,

    /// <summary>
    /// A disposable child (no standard I/O): anything but the global exclusions. It may fault,
    /// end itself, or block for ever; its parent kills it at a deadline.
    /// </summary>
    Child,
}
