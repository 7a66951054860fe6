namespace System;

/// <summary>
/// Supplies culture-specific formatting objects. The runtime only knows the invariant
/// culture, so providers are accepted and ignored.
/// </summary>
public interface IFormatProvider
{
    object GetFormat(Type formatType);
}
