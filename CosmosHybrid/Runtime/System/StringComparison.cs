namespace System;

/// <summary>
/// How strings are compared. The culture-sensitive members behave like their ordinal
/// counterparts here (there is only the invariant culture and no collation tables).
/// </summary>
public enum StringComparison
{
    CurrentCulture = 0,
    CurrentCultureIgnoreCase = 1,
    InvariantCulture = 2,
    InvariantCultureIgnoreCase = 3,
    Ordinal = 4,
    OrdinalIgnoreCase = 5,
}
