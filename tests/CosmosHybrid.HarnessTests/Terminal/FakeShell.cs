using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Terminal.Session;

namespace CosmosHybrid.HarnessTests.Terminal;

/// <summary>A shell made of two in-memory byte queues: what it "prints" and what it was typed.</summary>
internal sealed class FakeShell : IShellChannel
{
    private readonly object _lock = new object();
    private readonly Queue<byte> _output = new Queue<byte>();
    private readonly List<byte> _input = new List<byte>();
    private bool _ended;

    /// <summary>The most one <see cref="ReadOutput"/> hands over (a pipe read's worth).</summary>
    public int ReadLimit { get; set; } = 64 * 1024;

    public void Print(string text) => Print(Encoding.UTF8.GetBytes(text));

    public void Print(byte[] bytes)
    {
        lock (_lock)
        {
            foreach (byte b in bytes)
                _output.Enqueue(b);
        }
    }

    /// <summary>The shell exits: once its output is taken, the session sees the end.</summary>
    public void Exit()
    {
        lock (_lock)
            _ended = true;
    }

    public byte[] TakeInput()
    {
        lock (_lock)
        {
            byte[] bytes = _input.ToArray();
            _input.Clear();
            return bytes;
        }
    }

    public int InputCount
    {
        get
        {
            lock (_lock)
                return _input.Count;
        }
    }

    public int ReadOutput(Span<byte> destination)
    {
        lock (_lock)
        {
            if (_output.Count == 0)
                return _ended ? -1 : 0;
            int count = Math.Min(Math.Min(destination.Length, ReadLimit), _output.Count);
            for (int i = 0; i < count; i++)
                destination[i] = _output.Dequeue();
            return count;
        }
    }

    public bool WriteInput(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            if (_ended)
                return false;
            _input.AddRange(bytes.ToArray());
            return true;
        }
    }
}
