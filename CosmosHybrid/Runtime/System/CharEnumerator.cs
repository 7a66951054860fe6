using System.Collections;
using System.Collections.Generic;

namespace System;

/// <summary>Walks the characters of a string.</summary>
public sealed class CharEnumerator : IEnumerator<char>
{
    private string _text;
    private int _index = -1;

    internal CharEnumerator(string text) { _text = text; }

    public char Current
    {
        get
        {
            if ((uint)_index >= (uint)_text.Length)
                throw new InvalidOperationException(_index < 0 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
            return _text[_index];
        }
    }

    object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (_index < _text.Length - 1)
        {
            _index++;
            return true;
        }
        _index = _text.Length;
        return false;
    }

    public void Reset() => _index = -1;

    public void Dispose() { }
}
