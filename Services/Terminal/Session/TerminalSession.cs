using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Terminal.Emulation;
using CosmosHybrid.Services.Terminal.Input;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using TerminalModel = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.Services.Terminal.Session;

/// <summary>
/// One terminal window and the shell behind it, free of hardware: shell output goes through
/// the terminal model and is drawn once per batch into the window's buffer, with only the
/// changed rectangle sent as damage; window events become bytes for the shell's input (or
/// local scrolling, resizing, closing). Whoever hosts the session wakes it for shell output
/// by setting <see cref="OutputReadyBit"/> on the connection's event port.
/// </summary>
public sealed unsafe partial class TerminalSession
{
    /// <summary>The notification bit that says "shell output is waiting" (on <see cref="UiConnection.EventPort"/>).</summary>
    public const ulong OutputReadyBit = 1;

    /// <summary>Output taken per batch at most, so a flood cannot starve the window's events.</summary>
    public const int MaxBatchBytes = 256 * 1024;

    private const int ChunkBytes = 16 * 1024;

    private static readonly byte[] s_newline = { (byte)'\r', (byte)'\n' };

    private readonly UiConnection _connection;
    private readonly IShellChannel _shell;
    private readonly IWindowMemory _memory;
    private readonly TerminalModel _terminal;
    private readonly TerminalRenderer _renderer;
    private readonly TerminalKeyMapper _keys;
    private readonly byte[] _chunk = new byte[ChunkBytes];
    private readonly byte[] _replies = new byte[TerminalReplies.Capacity];
    private ClientWindow _window;
    private ulong _buffer;
    private long _bufferPages;
    private string _title;
    private bool _outputPending;
    private bool _windowOpen;

    private TerminalSession(UiConnection connection, IShellChannel shell, IWindowMemory memory, TerminalModel terminal, TerminalRenderer renderer)
    {
        _connection = connection;
        _shell = shell;
        _memory = memory;
        _terminal = terminal;
        _renderer = renderer;
        _keys = new TerminalKeyMapper(new KeyTranslator(KeyboardLayouts.UnitedStates()));
    }

    public TerminalModel Terminal => _terminal;

    public ClientWindow Window => _window;

    /// <summary>The rectangle of the last damage sent (window coordinates).</summary>
    public Rect LastDamage { get; private set; }

    /// <summary>How many times changed cells were drawn and sent.</summary>
    public int FramesPresented { get; private set; }

    /// <summary>Shell output bytes taken so far.</summary>
    public long OutputBytes { get; private set; }

    /// <summary>
    /// Opens a window of <paramref name="columns"/> x <paramref name="rows"/> cells of
    /// <paramref name="glyphs"/> on <paramref name="connection"/>'s server.
    /// </summary>
    public static UiError Open(UiConnection connection, GlyphSource glyphs, IShellChannel shell, IWindowMemory memory,
        int columns, int rows, string title, out TerminalSession session)
    {
        session = null;
        if (connection == null || glyphs == null || shell == null || memory == null || columns < 1 || rows < 1
            || columns > TerminalModel.MaxColumns || rows > TerminalModel.MaxRows)
            return UiError.BadSize;
        var renderer = new TerminalRenderer(glyphs);
        var created = new TerminalSession(connection, shell, memory, new TerminalModel(columns, rows), renderer);
        created._title = title ?? "terminal";
        int width = columns * renderer.CellWidth;
        int height = rows * renderer.CellHeight;
        if (!created.MapBuffer(width, height, out ulong buffer, out long pages))
            return UiError.BadSize;
        created._buffer = buffer;
        created._bufferPages = pages;
        created._renderer.Render(created._terminal, (byte*)buffer, width, height, width * 4, full: true);
        UiError error = connection.CreateWindow((uint*)buffer, width, height, created._title, out created._window);
        if (error != UiError.None)
        {
            memory.Unmap(buffer, pages);
            return error;
        }
        created._windowOpen = true;
        session = created;
        return UiError.None;
    }

    /// <summary>How long <see cref="Run"/> waits for an event or output before it checks that the server is still there.</summary>
    public const long ServerCheckMilliseconds = 1000;

    /// <summary>Runs until the window closes, the shell ends or the server goes; returns why it stopped.</summary>
    public SessionState Run()
    {
        SessionState state = SessionState.Running;
        while (state == SessionState.Running)
            state = Step(ServerCheckMilliseconds);
        return state;
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for one event or shell output and handles it
    /// (output left over from a capped batch is taken without waiting).
    /// </summary>
    public SessionState Step(long timeoutMs)
    {
        if (!_connection.NextEvent(out UiEvent uiEvent, out ulong notification, _outputPending ? 0 : timeoutMs))
        {
            long result = _connection.LastPortResult;
            if (result == SyscallResult.Error(SyscallError.QueueFull))
                return _outputPending ? PumpOutput() : SessionState.Running;
            if (result == SyscallResult.Error(SyscallError.TimedOut))
            {
                if (_outputPending)
                    return PumpOutput();
                // A server that died sends nothing: an idle window would wait for it for ever (and keep its shell).
                return _connection.ServerIsAlive() ? SessionState.Running : SessionState.ServerLost;
            }
            return SessionState.ServerLost;
        }
        if (uiEvent.Kind == UiEventKind.None)
            return (notification & OutputReadyBit) != 0 ? PumpOutput() : SessionState.Running;
        return HandleEvent(uiEvent);
    }

    /// <summary>Takes the shell output there is now (up to <see cref="MaxBatchBytes"/>), then draws and sends the damage once.</summary>
    public SessionState PumpOutput()
    {
        _outputPending = false;
        int taken = 0;
        bool ended = false;
        while (taken < MaxBatchBytes)
        {
            int count = _shell.ReadOutput(_chunk);
            if (count < 0)
            {
                ended = true;
                break;
            }
            if (count == 0)
                break;
            WriteOutput(new ReadOnlySpan<byte>(_chunk, 0, count));
            taken += count;
        }
        if (taken >= MaxBatchBytes)
            _outputPending = true;
        OutputBytes += taken;
        bool replied = SendReplies();
        SessionState state = Present();
        if (ended)
            return SessionState.ShellEnded;
        return replied ? state : SessionState.ShellEnded;
    }

    /// <summary>Handles one window event.</summary>
    public SessionState HandleEvent(in UiEvent uiEvent)
    {
        if (_window == null || uiEvent.WindowId != _window.Id)
            return SessionState.Running;
        switch (uiEvent.Kind)
        {
            case UiEventKind.Key:
                return OnKey(uiEvent.Key);
            case UiEventKind.Pointer:
                return OnWheel(uiEvent.Wheel);
            case UiEventKind.Resize:
                return OnResize(uiEvent.Width, uiEvent.Height);
            case UiEventKind.Close:
                CloseWindow();
                return SessionState.Closed;
            default:
                return SessionState.Running;
        }
    }

    /// <summary>Destroys the window (if still open) and frees its buffer; the connection stays the caller's.</summary>
    public void CloseWindow()
    {
        if (_windowOpen)
        {
            _connection.DestroyWindow(_window);
            _windowOpen = false;
        }
        if (_buffer != 0)
        {
            _memory.Unmap(_buffer, _bufferPages);
            _buffer = 0;
        }
    }

    // The shell writes "\n"; a terminal needs "\r\n" (what a Unix tty's ONLCR does).
    private void WriteOutput(ReadOnlySpan<byte> bytes)
    {
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n')
                continue;
            if (i > start)
                _terminal.Write(bytes.Slice(start, i - start));
            _terminal.Write(s_newline);
            start = i + 1;
        }
        if (start < bytes.Length)
            _terminal.Write(bytes.Slice(start));
    }

    // Answers the terminal owes the program (DSR, DA) go to the shell's input.
    private bool SendReplies()
    {
        bool delivered = true;
        while (_terminal.Replies.Count > 0)
        {
            int count = _terminal.Replies.Read(_replies);
            delivered &= _shell.WriteInput(new ReadOnlySpan<byte>(_replies, 0, count));
        }
        return delivered;
    }

    // Draws what changed and sends it as one damage rectangle; a new title goes too.
    private SessionState Present(bool full = false)
    {
        if (!_windowOpen)
            return SessionState.Running;
        if (_terminal.Title != null && _terminal.Title.Length > 0 && _terminal.Title != _title)
        {
            _title = _terminal.Title;
            _connection.SetTitle(_window, _title);
        }
        RenderResult drawn = _renderer.Render(_terminal, (byte*)_window.Pixels, _window.Width, _window.Height, _window.Width * 4, full);
        if (drawn.IsEmpty)
            return SessionState.Running;
        LastDamage = new Rect(drawn.Left, drawn.Top, drawn.Right - drawn.Left, drawn.Bottom - drawn.Top);
        FramesPresented++;
        return _connection.Damage(_window, LastDamage) == UiError.None ? SessionState.Running : SessionState.ServerLost;
    }

    private bool MapBuffer(int width, int height, out ulong buffer, out long pages)
    {
        pages = ClientWindow.BufferPages(width, height);
        buffer = _memory.Map(pages);
        return buffer != 0;
    }
}
