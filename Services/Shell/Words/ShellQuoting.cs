using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>
/// Turns words back into a command line that <see cref="ShellParser"/> reads as exactly those
/// words (each in single quotes, a quote inside as <c>'\''</c>): how the shell hands a builtin
/// stage of a pipeline to a child shell without globs or <c>$?</c> being expanded twice.
/// </summary>
internal static class ShellQuoting
{
    public static string Quote(List<string> words)
    {
        var line = new StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                line.Append(' ');
            }

            line.Append('\'');
            string word = words[i];
            for (int k = 0; k < word.Length; k++)
            {
                if (word[k] == '\'')
                {
                    line.Append("'\\''");
                }
                else
                {
                    line.Append(word[k]);
                }
            }

            line.Append('\'');
        }

        return line.ToString();
    }
}
