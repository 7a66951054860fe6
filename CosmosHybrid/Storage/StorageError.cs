namespace CosmosHybrid.Storage;

/// <summary>
/// Result of a storage operation (block device, cache, file system). Storage code
/// reports failures with these codes instead of exceptions.
/// </summary>
public enum StorageError
{
    /// <summary>The operation succeeded.</summary>
    Ok = 0,

    /// <summary>A path component or the target does not exist.</summary>
    NotFound,

    /// <summary>The target name is already taken.</summary>
    Exists,

    /// <summary>A directory was expected.</summary>
    NotDirectory,

    /// <summary>A file was expected but the target is a directory.</summary>
    IsDirectory,

    /// <summary>The directory still has entries.</summary>
    NotEmpty,

    /// <summary>No free cluster (or no free directory slot) is left.</summary>
    NoSpace,

    /// <summary>The on-disk structures are inconsistent: the volume is damaged.</summary>
    Corrupt,

    /// <summary>The device failed or timed out.</summary>
    IoError,

    /// <summary>The name is empty, too long or contains characters the file system forbids.</summary>
    InvalidName,

    /// <summary>An argument is out of range or the request makes no sense (e.g. moving a directory into itself).</summary>
    InvalidArgument,

    /// <summary>The file would exceed the largest size the file system can record.</summary>
    FileTooLarge,

    /// <summary>The target is in use (e.g. deleting an open file).</summary>
    Busy,

    /// <summary>The device or volume layout is valid but not handled by this implementation.</summary>
    NotSupported,

    /// <summary>The handle is closed or otherwise no longer usable.</summary>
    Closed,

    /// <summary>The handle was not opened for this kind of access (e.g. writing a file opened for reading).</summary>
    AccessDenied,

    /// <summary>The operation would move an entry from one mounted volume to another.</summary>
    CrossDevice,
}
