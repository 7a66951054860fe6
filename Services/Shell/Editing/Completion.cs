using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Editing;

/// <summary>
/// Tab completion of the word before the cursor: a command name when it is the line's
/// first word, a path otherwise. One candidate completes the word (with a space after a
/// file or command, nothing after a directory's '/'); several complete their common
/// prefix and, when that adds nothing, are listed.
/// </summary>
public static class Completion
{
    public readonly struct Result
    {
        public Result(string insert, List<string> listing)
        {
            Insert = insert;
            Listing = listing;
        }

        /// <summary>Text to insert at the cursor ("" when nothing can be added).</summary>
        public string Insert { get; }

        /// <summary>The candidates to show the user (null when there is nothing to show).</summary>
        public List<string> Listing { get; }
    }

    public static Result Complete(string line, int cursor, ICompletionSource source)
    {
        int wordStart = cursor;
        while (wordStart > 0 && line[wordStart - 1] != ' ' && !IsSeparator(line[wordStart - 1]))
            wordStart--;
        string word = line.Substring(wordStart, cursor - wordStart);
        string before = line.Substring(0, wordStart);
        bool programsOnly = LastWordStartsPrograms(before);
        bool isCommand = before.Trim().Length == 0 || EndsWithSeparator(before) || programsOnly;

        var candidates = new List<string>();
        int slash = word.LastIndexOf('/');
        string typedName = word.Substring(slash + 1);
        if (isCommand && slash < 0)
            source.AddCommands(word, programsOnly, candidates);
        else
            source.AddEntries(slash < 0 ? "" : slash == 0 ? "/" : word.Substring(0, slash), typedName, candidates);

        if (candidates.Count == 0)
            return new Result("", null);
        candidates.Sort(string.CompareOrdinal);
        string common = CommonPrefix(candidates);
        string insert = common.Length > typedName.Length ? common.Substring(typedName.Length) : "";
        if (candidates.Count == 1)
            return new Result(common.Length > 0 && common[common.Length - 1] == '/' ? insert : insert + " ", null);
        return new Result(insert, insert.Length == 0 ? candidates : null);
    }

    private static bool IsSeparator(char c) => c == ';' || c == '|' || c == '&' || c == '<' || c == '>';

    // After "a ;" or "a |" the next word is a command again.
    private static bool EndsWithSeparator(string text)
    {
        string trimmed = text.TrimEnd();
        return trimmed.Length > 0 && (trimmed[trimmed.Length - 1] == ';' || trimmed[trimmed.Length - 1] == '|' || trimmed[trimmed.Length - 1] == '&');
    }

    // "run NAME" and "spawn NAME" take a program.
    private static bool LastWordStartsPrograms(string before)
    {
        string trimmed = before.TrimEnd();
        int start = trimmed.LastIndexOf(' ') + 1;
        string last = trimmed.Substring(start);
        return last == "run" || last == "spawn";
    }

    private static string CommonPrefix(List<string> candidates)
    {
        string prefix = candidates[0];
        for (int i = 1; i < candidates.Count; i++)
        {
            int length = 0;
            string candidate = candidates[i];
            while (length < prefix.Length && length < candidate.Length && prefix[length] == candidate[length])
                length++;
            prefix = prefix.Substring(0, length);
        }
        return prefix;
    }
}
