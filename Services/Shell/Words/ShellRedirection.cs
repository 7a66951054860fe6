namespace CosmosHybrid.Services.Shell.Words;

/// <summary>Where a redirection points a command's standard input or output.</summary>
internal enum ShellRedirectionKind
{
    /// <summary><c>&lt; FILE</c>: standard input reads the file.</summary>
    Input,

    /// <summary><c>&gt; FILE</c>: standard output replaces the file (created if missing).</summary>
    Output,

    /// <summary><c>&gt;&gt; FILE</c>: standard output is added at the end of the file (created if missing).</summary>
    Append,
}

/// <summary>One redirection of a command: its kind and the word naming the file (expanded when the command runs).</summary>
internal sealed class ShellRedirection
{
    public ShellRedirection(ShellRedirectionKind kind) => Kind = kind;

    public ShellRedirectionKind Kind { get; }

    /// <summary>The file's word; null until the parser has read it.</summary>
    public ShellWord Target { get; set; }

    /// <summary>The operator as typed: "&lt;", "&gt;" or "&gt;&gt;".</summary>
    public string Operator => Kind == ShellRedirectionKind.Input ? "<" : Kind == ShellRedirectionKind.Output ? ">" : ">>";
}
