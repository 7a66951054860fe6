using System;
using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>
/// Records the outcome of one conformance case's assertions. The same code runs in the
/// kernel (against CosmosHybrid/Runtime) and on the host (against .NET), so it uses only
/// the BCL subset itself. Throwing behaviour is checked only where exceptions can be
/// caught (the host, until the kernel has an unwinder); elsewhere those checks are skipped.
/// </summary>
public sealed class ConformanceCheck
{
    private readonly List<string> _failures = new List<string>();

    public ConformanceCheck(bool canCatchExceptions)
    {
        CanCatchExceptions = canCatchExceptions;
    }

    /// <summary>False in the kernel: a throw there ends the system, so <see cref="Throws{TException}"/> is skipped.</summary>
    public bool CanCatchExceptions { get; }

    public int Passed { get; private set; }

    public int Skipped { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void True(bool condition, string what)
    {
        if (condition)
            Passed++;
        else
            _failures.Add(what + ": expected true");
    }

    public void False(bool condition, string what)
    {
        if (!condition)
            Passed++;
        else
            _failures.Add(what + ": expected false");
    }

    public void Equal<T>(T expected, T actual, string what)
    {
        if (EqualityComparer<T>.Default.Equals(expected, actual))
            Passed++;
        else
            _failures.Add(what + ": expected " + Show(expected) + ", got " + Show(actual));
    }

    /// <summary>Same elements in the same order.</summary>
    public void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        if (actual == null)
        {
            _failures.Add(what + ": expected a sequence, got null");
            return;
        }
        var expectedItems = new List<T>(expected);
        var actualItems = new List<T>(actual);
        bool same = expectedItems.Count == actualItems.Count;
        for (int i = 0; same && i < expectedItems.Count; i++)
            same = EqualityComparer<T>.Default.Equals(expectedItems[i], actualItems[i]);
        if (same)
            Passed++;
        else
            _failures.Add(what + ": expected [" + ShowAll(expectedItems) + "], got [" + ShowAll(actualItems) + "]");
    }

    /// <summary>The action must throw exactly <typeparamref name="TException"/> (skipped where exceptions cannot be caught).</summary>
    public void Throws<TException>(Action action, string what) where TException : Exception
    {
        if (!CanCatchExceptions)
        {
            Skipped++;
            return;
        }
        try
        {
            action();
        }
        catch (Exception e)
        {
            if (e.GetType() == typeof(TException))
                Passed++;
            else
                _failures.Add(what + ": expected " + typeof(TException).Name + ", got " + e.GetType().Name + " (" + e.Message + ")");
            return;
        }
        _failures.Add(what + ": expected " + typeof(TException).Name + ", nothing was thrown");
    }

    public void Fail(string what) => _failures.Add(what);

    private static string Show<T>(T value)
    {
        if (value == null)
            return "null";
        if (value is string text)
            return "\"" + text + "\"";
        return value.ToString();
    }

    private static string ShowAll<T>(List<T> items)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
                builder.Append(", ");
            builder.Append(Show(items[i]));
        }
        return builder.ToString();
    }
}
