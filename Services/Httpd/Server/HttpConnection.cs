using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Services.Httpd.Http;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Httpd.Server;

/// <summary>
/// One client connection, driven by <see cref="HttpServer"/>'s loop without ever blocking: each
/// <see cref="Step"/> sends what it can of the current response, or receives and parses the next
/// request. A response's head (and a small body: an error page or a listing) and then the file
/// pass through a page-aligned buffer, so the socket calls lend it to the net service by grant.
/// After a malformed request the connection answers and closes; the server goes on with the others.
/// </summary>
internal sealed unsafe class HttpConnection
{
    // The read-ahead of a sequential file read (128 KiB): one read and one send call per 128 KiB of a download.
    public const int SendBufferBytes = 128 * 1024;
    private const long IdleMilliseconds = 15_000;

    private readonly NetClient _client;
    private readonly string _root;
    private readonly byte* _buffer;
    private readonly byte[] _input = new byte[HttpRequestParser.MaxHeadBytes];
    private int _inputLength;
    private int _socket;
    private long _lastActivity;

    // The response under way: head bytes not yet in the buffer, then the file.
    private byte[] _head;
    private int _headOffset;
    private long _file = -1;
    private long _filePosition;
    private long _fileRemaining;
    private int _bufferStart;
    private int _bufferEnd;
    private bool _closeAfterResponse;
    private long _discard;

    public HttpConnection(NetClient client, string root, byte* buffer)
    {
        _client = client;
        _root = root;
        _buffer = buffer;
    }

    public bool Open { get; private set; }

    public void Start(int socket, long now)
    {
        _socket = socket;
        _inputLength = 0;
        _discard = 0;
        _head = null;
        _bufferStart = _bufferEnd = 0;
        _fileRemaining = 0;
        _closeAfterResponse = false;
        _lastActivity = now;
        Open = true;
    }

    private bool Sending => _bufferEnd > _bufferStart || (_head != null && _headOffset < _head.Length) || _fileRemaining > 0;

    /// <summary>Moves what can move now; true when some bytes moved (the loop then goes round again without waiting).</summary>
    public bool Step(long now)
    {
        if (!Open)
            return false;
        bool moved = Sending ? Send() : Receive();
        if (moved)
        {
            _lastActivity = now;
        }
        else if (Open && now - _lastActivity > IdleMilliseconds)
        {
            Close();
        }
        return moved;
    }

    private bool Send()
    {
        if (_bufferEnd == _bufferStart && !Fill())
        {
            Close();
            return true;
        }
        long sent = _client.Send(_socket, _buffer + _bufferStart, _bufferEnd - _bufferStart, 0);
        if (sent == -(long)NetStatus.TimedOut)
            return false; // no room in the socket's send buffer yet
        if (sent <= 0)
        {
            Close();
            return true;
        }
        _bufferStart += (int)sent;
        if (!Sending)
            FinishResponse();
        return true;
    }

    /// <summary>Refills the empty buffer: the rest of the head, then file data. False when the file cannot be read.</summary>
    private bool Fill()
    {
        _bufferStart = 0;
        _bufferEnd = 0;
        if (_head != null && _headOffset < _head.Length)
        {
            int count = Math.Min(_head.Length - _headOffset, SendBufferBytes);
            new ReadOnlySpan<byte>(_head, _headOffset, count).CopyTo(new Span<byte>(_buffer, SendBufferBytes));
            _headOffset += count;
            _bufferEnd = count;
        }
        if (_fileRemaining > 0 && _bufferEnd < SendBufferBytes)
        {
            long want = Math.Min(_fileRemaining, SendBufferBytes - _bufferEnd);
            long read = FileCalls.ReadAt(_file, _buffer + _bufferEnd, want, _filePosition);
            if (read <= 0)
                return false; // the file shrank or failed under us: the Content-Length cannot be kept, so the connection ends
            _filePosition += read;
            _fileRemaining -= read;
            _bufferEnd += (int)read;
        }
        return true;
    }

    private void FinishResponse()
    {
        CloseFile();
        _head = null;
        if (_closeAfterResponse)
        {
            _client.Shutdown(_socket);
            Close();
            return;
        }
        // A pipelined request may already be waiting in the input.
        Process();
    }

    private bool Receive()
    {
        if (_discard > 0 && _inputLength == 0)
            return DiscardBody();
        if (_inputLength == _input.Length)
        {
            Process();
            return true;
        }
        long read;
        fixed (byte* input = _input)
            read = _client.Receive(_socket, input + _inputLength, _input.Length - _inputLength, 0);
        if (read == -(long)NetStatus.TimedOut)
            return false;
        if (read <= 0)
        {
            Close(); // the peer closed (or reset) between requests
            return true;
        }
        _inputLength += (int)read;
        Process();
        return true;
    }

    /// <summary>A request body httpd has no use for (an upload answered 405): received into the page-aligned buffer, by grant, and dropped.</summary>
    private bool DiscardBody()
    {
        long read = _client.Receive(_socket, _buffer, Math.Min(_discard, SendBufferBytes), 0);
        if (read == -(long)NetStatus.TimedOut)
            return false;
        if (read <= 0)
        {
            Close();
            return true;
        }
        _discard -= read;
        return true;
    }

    /// <summary>Drops the body of the last request, then parses the next one if its head has arrived and starts the answer.</summary>
    private void Process()
    {
        if (_discard > 0)
        {
            int dropped = (int)Math.Min(_discard, _inputLength);
            Consume(dropped);
            _discard -= dropped;
            if (_discard > 0)
                return;
        }
        if (_inputLength == 0)
            return;
        HttpParseResult result = HttpRequestParser.Parse(new ReadOnlySpan<byte>(_input, 0, _inputLength), out HttpRequest request);
        if (result == HttpParseResult.Incomplete)
            return;
        if (result != HttpParseResult.Complete)
        {
            int status = HttpResponse.StatusFor(result);
            System.Console.WriteLine("httpd: " + status.ToString() + " for a malformed request");
            _inputLength = 0;
            Answer(status, keepAlive: false);
            return;
        }
        Consume(request.HeadLength);
        _discard = request.ContentLength;
        Respond(request);
    }

    private void Consume(int count)
    {
        Array.Copy(_input, count, _input, 0, _inputLength - count);
        _inputLength -= count;
    }

    private void Respond(in HttpRequest request)
    {
        bool keepAlive = request.KeepAlive;
        if (request.Method == HttpMethod.NotAllowed)
        {
            Answer(405, keepAlive);
            return;
        }
        if (request.Method == HttpMethod.Unknown)
        {
            Answer(501, keepAlive);
            return;
        }
        bool head = request.Method == HttpMethod.Head;
        if (!HttpTarget.TryResolve(request.Target, out string path))
        {
            Answer(400, keepAlive, head);
            return;
        }
        string full = HttpTarget.Join(_root, path);
        if (FileCalls.Stat(full, out FileStatus status) < 0)
        {
            Answer(404, keepAlive, head);
            return;
        }
        if (status.Type == FileType.Directory)
        {
            string html = Listing(full, path);
            if (html == null)
            {
                Answer(500, keepAlive, head);
                return;
            }
            byte[] body = Utf8.GetBytes(html);
            Start(200, ContentTypes.Html, body, keepAlive, head);
            return;
        }
        long file = FileCalls.Open(full, FileOpenFlags.Read);
        if (file < 0)
        {
            Answer(404, keepAlive, head);
            return;
        }
        Start(200, ContentTypes.ForPath(path), null, keepAlive, head, status.Size);
        if (!head && status.Size > 0)
        {
            _file = file;
            _filePosition = 0;
            _fileRemaining = status.Size;
        }
        else
        {
            FileCalls.Close(file);
        }
    }

    /// <summary>An answer with the error page of <paramref name="status"/>.</summary>
    private void Answer(int status, bool keepAlive, bool headOnly = false)
    {
        byte[] body = Utf8.GetBytes(HttpResponse.ErrorBody(status));
        Start(status, ContentTypes.Html, body, keepAlive, headOnly);
    }

    /// <summary>Queues the head (and a small body unless HEAD); a file body is set up by the caller.</summary>
    private void Start(int status, string contentType, byte[] body, bool keepAlive, bool headOnly, long length = -1)
    {
        long contentLength = length >= 0 ? length : body.Length;
        byte[] head = Utf8.GetBytes(HttpResponse.Head(status, contentType, contentLength, keepAlive));
        if (body != null && !headOnly)
        {
            byte[] both = new byte[head.Length + body.Length];
            Array.Copy(head, both, head.Length);
            Array.Copy(body, 0, both, head.Length, body.Length);
            head = both;
        }
        _head = head;
        _headOffset = 0;
        _closeAfterResponse = !keepAlive;
    }

    private static string Listing(string directory, string path)
    {
        long fd = FileCalls.Open(directory, FileOpenFlags.Read | FileOpenFlags.Directory);
        if (fd < 0)
            return null;
        var rows = new List<ListingEntry>();
        var records = new DirectoryEntry[16];
        while (true)
        {
            long count = FileCalls.ReadDirectory(fd, records);
            if (count <= 0)
                break;
            for (int i = 0; i < count; i++)
            {
                string name = FileCalls.NameOf(records[i]);
                if (name == "." || name == "..")
                    continue;
                rows.Add(new ListingEntry(name, records[i].Type == FileType.Directory, records[i].Size));
            }
        }
        FileCalls.Close(fd);
        return DirectoryListing.Html(path, rows);
    }

    private void CloseFile()
    {
        if (_file >= 0)
            FileCalls.Close(_file);
        _file = -1;
        _fileRemaining = 0;
    }

    public void Close()
    {
        if (!Open)
            return;
        CloseFile();
        _client.Close(_socket);
        Open = false;
    }
}
