namespace System;

// Composite formatting: "{0}", "{1,5}", "{2:x8}".
public sealed partial class String
{
    public static string Format(string format, object arg0) => FormatCore(null, format, new object[] { arg0 });

    public static string Format(string format, object arg0, object arg1) => FormatCore(null, format, new object[] { arg0, arg1 });

    public static string Format(string format, object arg0, object arg1, object arg2) =>
        FormatCore(null, format, new object[] { arg0, arg1, arg2 });

    /// <summary>
    /// Items are "{index[,alignment][:format]}"; "{{" and "}}" are literal braces.
    /// IFormattable arguments receive the item's format; null arguments give "".
    /// </summary>
    public static string Format(string format, params object[] args) => FormatCore(null, format, args);

    public static string Format(IFormatProvider provider, string format, object arg0) => FormatCore(provider, format, new object[] { arg0 });

    public static string Format(IFormatProvider provider, string format, params object[] args) => FormatCore(provider, format, args);

    private static string FormatCore(IFormatProvider provider, string format, object[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new Text.StringBuilder(format.Length + 8 * args.Length).AppendFormat(provider, format, args).ToString();
    }
}
