using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>
/// Expands a glob pattern into the paths it names, component by component, so that
/// <c>*</c>, <c>?</c> and <c>[...]</c> work in any component (<c>/disk/*/file?.txt</c>).
/// Results are sorted in ordinal order; "." and ".." are never matched; the number of
/// results is bounded. Pure apart from the <see cref="IGlobFileSystem"/> it is given.
/// </summary>
internal static class GlobExpander
{
    /// <summary>Most paths one word may expand to.</summary>
    public const int MaxMatches = 1000;

    /// <summary>Adds the paths <paramref name="pattern"/> matches to <paramref name="matches"/>, sorted.</summary>
    public static GlobResult Expand(string pattern, IGlobFileSystem fileSystem, List<string> matches)
    {
        var current = new List<string>();
        var next = new List<string>();
        var entries = new List<GlobEntry>();
        bool absolute = pattern.Length > 0 && pattern[0] == '/';
        current.Add(absolute ? "/" : "");

        string[] components = pattern.Split('/');
        int last = components.Length - 1;
        bool wantsDirectory = last > 0 && components[last].Length == 0;
        if (wantsDirectory)
        {
            last--;
        }

        bool globbed = false;
        for (int index = 0; index <= last; index++)
        {
            string component = components[index];
            if (component.Length == 0)
            {
                continue;
            }

            next.Clear();
            bool isLast = index == last;
            if (!GlobPattern.HasGlob(component))
            {
                string literal = GlobPattern.Unescape(component);
                foreach (string directory in current)
                {
                    string path = Join(directory, literal);
                    if (!globbed || !isLast || fileSystem.Exists(path))
                    {
                        next.Add(path);
                    }
                }
            }
            else
            {
                globbed = true;
                foreach (string directory in current)
                {
                    entries.Clear();
                    if (!fileSystem.List(directory.Length == 0 ? "." : directory, entries))
                    {
                        continue;
                    }

                    foreach (GlobEntry entry in entries)
                    {
                        if (entry.Name == "." || entry.Name == ".." || !GlobPattern.Match(component, entry.Name))
                        {
                            continue;
                        }

                        if ((!isLast || wantsDirectory) && !entry.IsDirectory)
                        {
                            continue;
                        }

                        if (next.Count == MaxMatches)
                        {
                            return GlobResult.TooManyMatches;
                        }

                        next.Add(Join(directory, entry.Name));
                    }
                }
            }

            List<string> swap = current;
            current = next;
            next = swap;
            if (current.Count == 0)
            {
                return GlobResult.NoMatch;
            }
        }

        if (!globbed)
        {
            return GlobResult.NoMatch;
        }

        string[] sorted = current.ToArray();
        Array.Sort(sorted, CompareOrdinal);
        foreach (string path in sorted)
        {
            matches.Add(wantsDirectory ? path + "/" : path);
        }

        return GlobResult.Matched;
    }

    /// <summary>Ordinal order of UTF-16 code units, as .NET's <c>string.CompareOrdinal</c>.</summary>
    public static int CompareOrdinal(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] - b[i];
            }
        }

        return a.Length - b.Length;
    }

    private static string Join(string directory, string name) =>
        directory.Length == 0 ? name : directory[directory.Length - 1] == '/' ? directory + name : directory + "/" + name;
}
