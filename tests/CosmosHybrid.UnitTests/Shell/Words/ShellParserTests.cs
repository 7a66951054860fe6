using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Shell.Words;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Shell.Words;

/// <summary>The shell's word splitter against cases worked out as a POSIX shell reads them.</summary>
[TestFixture]
public class ShellParserTests
{
    // Each command as its connector and its words in brackets, after expansion with $? = 3.
    private static string Describe(List<ShellCommand> commands)
    {
        var text = new StringBuilder();
        foreach (ShellCommand command in commands)
        {
            if (text.Length > 0 || command.Connector != ShellConnector.Always)
            {
                text.Append(text.Length > 0 ? " " : "").Append(command.Connector switch
                {
                    ShellConnector.IfSucceeded => "&&",
                    ShellConnector.IfFailed => "||",
                    ShellConnector.Pipe => "|",
                    _ => ";",
                }).Append(' ');
            }

            for (int i = 0; i < command.Words.Count; i++)
            {
                text.Append(i > 0 ? " [" : "[").Append(command.Words[i].Expand(3).Text).Append(']');
            }

            foreach (ShellRedirection redirection in command.Redirections)
            {
                text.Append(text.Length > 0 && text[text.Length - 1] != ' ' ? " " : "")
                    .Append(redirection.Operator).Append('[').Append(redirection.Target.Expand(3).Text).Append(']');
            }
        }

        return text.ToString();
    }

    [TestCase("echo hello world", "[echo] [hello] [world]")]
    [TestCase("  lead \t  trail  ", "[lead] [trail]")]
    [TestCase("write \"/disk/a b.txt\" hello", "[write] [/disk/a b.txt] [hello]")]
    [TestCase("cat 'Über café.txt'", "[cat] [Über café.txt]")]
    [TestCase("mv \"x y\" z", "[mv] [x y] [z]")]
    [TestCase("a\\ b", "[a b]")]
    [TestCase("'it'\\''s'", "[it's]")]
    [TestCase("\"a\\\"b\"", "[a\"b]")]
    [TestCase("\"a\\\\b\"", "[a\\b]")]
    [TestCase("\"a\\nb\"", "[a\\nb]")]
    [TestCase("\"a\\$b\"", "[a$b]")]
    [TestCase("'a\\nb'", "[a\\nb]")]
    [TestCase("'a\"b'", "[a\"b]")]
    [TestCase("\"a'b\"", "[a'b]")]
    [TestCase("\\\\", "[\\]")]
    [TestCase("\\'", "[']")]
    [TestCase("echo $?", "[echo] [3]")]
    [TestCase("echo \"status $?\"", "[echo] [status 3]")]
    [TestCase("echo '$?'", "[echo] [$?]")]
    [TestCase("echo \\$?", "[echo] [$?]")]
    [TestCase("a$?b", "[a3b]")]
    [TestCase("$x $", "[$x] [$]")]
    [TestCase("\"\" ''", "[] []")]
    [TestCase("a\"b\"'c'd", "[abcd]")]
    [TestCase("a;b", "[a] ; [b]")]
    [TestCase("a ; b;c", "[a] ; [b] ; [c]")]
    [TestCase("a && b || c", "[a] && [b] || [c]")]
    [TestCase("a&&b||c", "[a] && [b] || [c]")]
    [TestCase("a ;", "[a]")]
    [TestCase("# only a comment", "")]
    [TestCase("a # comment; b", "[a]")]
    [TestCase("a#b", "[a#b]")]
    [TestCase("\"a;b\" 'c&&d' e\\;f g\\|h", "[a;b] [c&&d] [e;f] [g|h]")]
    [TestCase("ls ελληνικά.txt 日本語 😀", "[ls] [ελληνικά.txt] [日本語] [😀]")]
    [TestCase("", "")]
    [TestCase("   ", "")]
    [TestCase("echo hi | cat", "[echo] [hi] | [cat]")]
    [TestCase("a|b|c", "[a] | [b] | [c]")]
    [TestCase("a | b && c || d | e", "[a] | [b] && [c] || [d] | [e]")]
    [TestCase("ls > listing.txt", "[ls] >[listing.txt]")]
    [TestCase("ls>listing.txt", "[ls] >[listing.txt]")]
    [TestCase("echo a >> log b", "[echo] [a] [b] >>[log]")]
    [TestCase("cat < in > out", "[cat] <[in] >[out]")]
    [TestCase("cat <'a b.txt'", "[cat] <[a b.txt]")]
    [TestCase("echo $? > \"st $?\"", "[echo] [3] >[st 3]")]
    [TestCase("> empty", ">[empty]")]
    [TestCase("a < in | b > out", "[a] <[in] | [b] >[out]")]
    [TestCase("echo 'a|b' \"c>d\" e\\<f", "[echo] [a|b] [c>d] [e<f]")]
    [TestCase("echo γεια | cat > ελληνικά.txt", "[echo] [γεια] | [cat] >[ελληνικά.txt]")]
    public void SplitsWordsLikeAPosixShell(string line, string expected)
    {
        var commands = new List<ShellCommand>();
        Assert.That(ShellParser.Parse(line, commands), Is.Null);
        Assert.That(Describe(commands), Is.EqualTo(expected));
    }

    [TestCase("cat 'abc", "unterminated quote (')")]
    [TestCase("cat \"abc", "unterminated quote (\")")]
    [TestCase("cat \"abc\\\"", "unterminated quote (\")")]
    [TestCase("cat abc\\", "unterminated escape ('\\' at the end of the line)")]
    [TestCase("; a", "syntax error near ';'")]
    [TestCase("a ;; b", "syntax error near ';'")]
    [TestCase("&& a", "syntax error near '&&'")]
    [TestCase("a && || b", "syntax error near '||'")]
    [TestCase("a &&", "syntax error: the line ends after '&&'")]
    [TestCase("a ||  ", "syntax error: the line ends after '||'")]
    [TestCase("a &", "'&' (background) is not supported: use spawn")]
    [TestCase("| b", "syntax error: a command must come before '|'")]
    [TestCase("a |", "syntax error: a command must follow '|'")]
    [TestCase("a |  ", "syntax error: a command must follow '|'")]
    [TestCase("a | | b", "syntax error: a command must follow '|'")]
    [TestCase("a | ; b", "syntax error: a command must follow '|'")]
    [TestCase("a | && b", "syntax error: a command must follow '|'")]
    [TestCase("a >", "syntax error: '>' needs a file name")]
    [TestCase("a >>  ", "syntax error: '>>' needs a file name")]
    [TestCase("a <", "syntax error: '<' needs a file name")]
    [TestCase("a > | b", "syntax error: '>' needs a file name")]
    [TestCase("a > ; b", "syntax error: '>' needs a file name")]
    [TestCase("a >>> b", "syntax error: '>>' needs a file name")]
    [TestCase("a > > b", "syntax error: '>' needs a file name")]
    [TestCase("a <> b", "'<>' is not supported: use '<', '>' or '>>'")]
    [TestCase("a << b", "'<<' is not supported: use '<', '>' or '>>'")]
    public void RefusesBadLinesWithAnError(string line, string error)
    {
        var commands = new List<ShellCommand>();
        Assert.That(ShellParser.Parse(line, commands), Is.EqualTo(error));
    }

    [TestCase("*.txt", "*.txt", true)]
    [TestCase("'*.txt'", "\\*.txt", false)]
    [TestCase("\\*.txt", "\\*.txt", false)]
    [TestCase("\"a*\"b*", "a\\*b*", true)]
    [TestCase("f[0-9]?", "f[0-9]?", true)]
    [TestCase("'[a-z]'", "\\[a\\-z\\]", false)]
    [TestCase("plain", "plain", false)]
    [TestCase("a\\ b*", "a b*", true)]
    public void QuotedGlobCharactersAreEscapedInThePattern(string line, string pattern, bool hasGlob)
    {
        var commands = new List<ShellCommand>();
        Assert.That(ShellParser.Parse(line, commands), Is.Null);
        ExpandedWord word = commands[0].Words[0].Expand(0);
        Assert.That(word.Pattern, Is.EqualTo(pattern));
        Assert.That(word.HasGlob, Is.EqualTo(hasGlob));
    }

    [TestCase(ShellConnector.Always, 0, true)]
    [TestCase(ShellConnector.Always, 1, true)]
    [TestCase(ShellConnector.IfSucceeded, 0, true)]
    [TestCase(ShellConnector.IfSucceeded, 1, false)]
    [TestCase(ShellConnector.IfFailed, 0, false)]
    [TestCase(ShellConnector.IfFailed, 127, true)]
    public void ConnectorsFollowTheLastStatus(object connector, int status, bool runs)
    {
        Assert.That(new ShellCommand((ShellConnector)connector).RunsAfter(status), Is.EqualTo(runs));
    }
}
