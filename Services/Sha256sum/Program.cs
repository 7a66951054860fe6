using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Sha256sum;
using CosmosHybrid.Services.UserRuntime;

/// <summary>sha256sum FILE...: the SHA-256 of each file, as coreutils prints it.</summary>
internal static unsafe class Program
{
    public static int Main(string arguments)
    {
        string[] files = (arguments ?? "").Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
        if (files.Length == 0)
        {
            System.Console.WriteLine("usage: sha256sum FILE...");
            return 2;
        }
        var hash = new Sha256();
        var buffer = new byte[64 * 1024];
        var digest = new byte[32];
        int status = 0;
        foreach (string file in files)
        {
            long fd = FileCalls.Open(file, FileOpenFlags.Read);
            if (fd < 0)
            {
                System.Console.WriteLine("sha256sum: " + file + ": " + ProcessCalls.ErrorText(fd));
                status = 1;
                continue;
            }
            long read;
            while ((read = FileCalls.Read(fd, buffer, 0, buffer.Length)) > 0)
                hash.Append(new System.ReadOnlySpan<byte>(buffer, 0, (int)read));
            FileCalls.Close(fd);
            hash.Finish(digest);
            System.Console.WriteLine(Sha256.ToHex(digest) + "  " + file);
        }
        return status;
    }
}
