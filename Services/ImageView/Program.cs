using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// `view FILE`: shows a BMP file (uncompressed, 24 or 32 bits per pixel) in a window of the window
/// server until the window's close button is pressed or the server goes away.
/// </summary>
internal static unsafe class Program
{
    /// <summary>A file larger than this is not read (a 4096x4096 32-bit bitmap is 64 MiB).</summary>
    private const long MaxBytes = 64L << 20;

    public static int Main(string arguments)
    {
        string path = arguments.Trim();
        if (path.Length == 0)
            return Fail("usage: view FILE (a 24- or 32-bit uncompressed BMP)");
        byte[] file = FileCalls.ReadAll(path, MaxBytes, out string problem);
        if (file == null)
            return Fail("view: " + path + ": " + problem);
        if (!BmpImage.TryDecode(file, out uint[] image, out int width, out int height, out problem))
            return Fail("view: " + path + ": " + problem);

        UiError error = UiConnection.Connect(SyscallPorts.Instance, out UiConnection connection);
        if (error != UiError.None)
            return Fail("view: no window server (" + ((int)error).ToString() + ")");
        long buffer = SystemCall.Call(SyscallNumber.MapMemory, ClientWindow.BufferPages(width, height));
        if (buffer <= 0)
            return Fail("view: out of memory");
        var canvas = new Canvas((uint*)buffer, width, height);
        canvas.DrawImage(image, width, height, 0, 0);
        error = connection.CreateWindow((uint*)buffer, width, height, path, out ClientWindow window);
        if (error != UiError.None)
            return Fail("view: cannot open a window (" + ((int)error).ToString() + ")");
        System.Console.WriteLine("view: window " + window.Id.ToString() + " open (" + width.ToString() + "x" + height.ToString() + ")");
        while (true)
        {
            if (connection.NextEvent(out UiEvent uiEvent, 1000))
            {
                if (uiEvent.Kind == UiEventKind.Close)
                    break;
                continue;
            }
            if (connection.LastPortResult != -(long)SyscallError.TimedOut || !connection.ServerIsAlive())
                return 1; // the server is gone
        }
        connection.DestroyWindow(window);
        connection.Disconnect();
        return 0;
    }

    private static int Fail(string message)
    {
        System.Console.WriteLine(message);
        return 1;
    }
}
