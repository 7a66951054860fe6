namespace System.Collections.Generic;

/// <summary>A key that is not in the dictionary was looked up with the indexer.</summary>
public class KeyNotFoundException : SystemException
{
    public KeyNotFoundException() : base("The given key was not present in the dictionary.") { }
    public KeyNotFoundException(string message) : base(message) { }
}
