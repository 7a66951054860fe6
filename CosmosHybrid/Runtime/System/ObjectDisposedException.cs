namespace System;

/// <summary>An operation on an object that has already been disposed.</summary>
public class ObjectDisposedException : InvalidOperationException
{
    public ObjectDisposedException(string objectName) : base("Cannot access a disposed object.") { ObjectName = objectName; }
    public ObjectDisposedException(string objectName, string message) : base(message) { ObjectName = objectName; }

    public string ObjectName { get; }
}
