namespace System;

/// <summary>Text that does not have the form a parser or a format string requires.</summary>
public class FormatException : SystemException
{
    public FormatException() : base("One of the identified items was in an invalid format.") { }
    public FormatException(string message) : base(message) { }
}
