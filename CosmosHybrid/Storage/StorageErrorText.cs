namespace CosmosHybrid.Storage;

/// <summary>Words for a <see cref="StorageError"/>, for logs.</summary>
public static class StorageErrorText
{
    /// <summary>"not found", "no space", ...</summary>
    public static string Describe(StorageError error) => error switch
    {
        StorageError.Ok => "ok",
        StorageError.NotFound => "not found",
        StorageError.Exists => "already exists",
        StorageError.NotDirectory => "not a directory",
        StorageError.IsDirectory => "is a directory",
        StorageError.NotEmpty => "directory not empty",
        StorageError.NoSpace => "no space",
        StorageError.Corrupt => "file system damaged",
        StorageError.IoError => "I/O error",
        StorageError.InvalidName => "invalid name",
        StorageError.InvalidArgument => "invalid argument",
        StorageError.FileTooLarge => "file too large",
        StorageError.Busy => "busy",
        StorageError.NotSupported => "not supported",
        StorageError.Closed => "closed",
        StorageError.AccessDenied => "access denied",
        StorageError.CrossDevice => "across volumes",
        _ => "error " + ((int)error).ToString(),
    };
}
