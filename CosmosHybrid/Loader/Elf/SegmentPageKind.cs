namespace CosmosHybrid.Loader.Elf;

/// <summary>How the loader fills one page of a PT_LOAD segment (see <see cref="SegmentPagePlan"/>).</summary>
public enum SegmentPageKind
{
    /// <summary>The page is the file's page as it stands: a read-only segment maps the file's frame itself.</summary>
    FilePage,

    /// <summary>A fresh page: file bytes copied in, the rest of it zeroed.</summary>
    Copy,

    /// <summary>No file byte and all zero (.bss): left to the demand-zero fault, so untouched pages cost nothing.</summary>
    DemandZero,
}
