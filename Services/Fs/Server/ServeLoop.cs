using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Fs.Block;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fs.Server;

/// <summary>
/// `fs MOUNTPOINT serve`: attaches to the kernel's forwarding mount (FileServerAttach with the
/// block handle, a new port and the window) and answers its calls until the port fails.
/// </summary>
internal static unsafe class ServeLoop
{
    private const int TypeOffset = 0;
    private const int SourceOffset = 16;
    private const int HeaderNameBytes = 16;

    public static int Run(RingThreeMount mount, long block, string mountPoint)
    {
        long port = SyscallPorts.Instance.CreatePort();
        byte* window = (byte*)SystemCall.Call(SyscallNumber.MapMemory, FileServerProtocol.WindowBytes / 4096);
        if (port < 0 || (long)window <= 0)
        {
            System.Console.WriteLine("fs: no port or window memory");
            return 1;
        }
        var bytes = new Span<byte>(window, FileServerProtocol.WindowBytes);
        bytes.Clear(); // every page touched: the kernel copies through them
        PutName(bytes.Slice(TypeOffset, HeaderNameBytes), mount.TypeName);
        PutName(bytes.Slice(SourceOffset, HeaderNameBytes), mount.Source);
        long attached = SystemCall.Call(SyscallNumber.FileServerAttach, block, port, (long)window, FileServerProtocol.WindowBytes);
        if (attached < 0)
        {
            System.Console.WriteLine("fs: " + mountPoint + ": cannot attach (" + ProcessCalls.ErrorText(attached) + ")");
            return 1;
        }
        System.Console.WriteLine("fs: serving " + mountPoint);

        var dispatcher = new FileServerDispatcher(mount.Volume);
        var message = default(ShortMessage);
        while (true)
        {
            long result = SyscallPorts.Instance.ReplyWait(port, ref message);
            if (result < 0)
            {
                System.Console.WriteLine("fs: " + mountPoint + ": port failed (" + ProcessCalls.ErrorText(result) + ")");
                return 1;
            }
            if (message.Tag == IpcMessage.NotificationTag)
            {
                message = default;
                continue;
            }
            message = dispatcher.Handle(message, bytes);
        }
    }

    private static void PutName(Span<byte> field, string name)
    {
        for (int i = 0; i < name.Length && i < field.Length - 1; i++)
            field[i] = (byte)name[i];
    }
}
