namespace System.Runtime.CompilerServices;

/// <summary>
/// Gives access to the first byte after an object's MethodTable pointer: the fields of
/// an object, the value inside a box. ILC's synthesized field helpers refer to it by name.
/// </summary>
internal sealed class RawData
{
#pragma warning disable 649
    public byte Data;
#pragma warning restore 649
}
