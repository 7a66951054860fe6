using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>
/// `fuzz ipc-child SEED COUNT`: random calls that wait for a service's reply (PortCall, PortCallEx
/// with buffers, grants and handles) to every service's port. It may block for ever on a service
/// that does not answer: its parent kills it. Exits with the number of calls made (<see cref="ChildExitStatus"/>).
/// </summary>
internal static unsafe class IpcChild
{
    public static int Run(ulong seed, long count)
    {
        string[] names = CallGenerator.ServiceNames;
        long scratch = SystemCall.Call(SyscallNumber.MapMemory, 2);
        long reply = SystemCall.Call(SyscallNumber.MapMemory, 2);
        if (scratch < 0 || reply < 0)
            return 0;
        var random = new SplitMix64(seed);
        long calls = 0;
        for (; calls < count; calls++)
        {
            long port = SyscallPorts.Instance.Lookup(names[random.Below(names.Length)]);
            if (port <= 0)
                continue;
            IpcMessage request = IpcCampaign.RandomMessage(ref random, (byte*)scratch);
            if (random.OneIn(2))
            {
                SystemCall.Call(SyscallNumber.PortCall, port, (long)request.Tag, (long)request.Word0, (long)request.Word1, (long)request.Word2);
            }
            else
            {
                var answer = new IpcMessage { BufferAddress = (ulong)reply, BufferLength = (ulong)random.Below(8193) };
                SystemCall.Call(SyscallNumber.PortCallEx, port, (long)&request, (long)&answer);
            }
            if (random.OneIn(2))
                SystemCall.Call(SyscallNumber.HandleClose, port);
        }
        return ChildExitStatus.Completed(seed, calls);
    }
}
