using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>
/// `fuzz syscalls|ipc ...`: runs the campaign in a child process and measures the kernel's free
/// frames and heap before it starts and after it has ended, so whatever the campaign's processes
/// held is given back before the second figure (a difference is the kernel's).
/// </summary>
internal static class Controller
{
    public static int Run(string campaign, bool checkServices)
    {
        ProcessCalls.GetMemoryInfo(out MemoryInfo before, collectKernelHeap: true);
        long heldBefore = ProcessCalls.PagesHeldByRunningProcesses();
        long pid = ChildProcess.Start("/bin/fuzz " + campaign, withOutput: true);
        if (pid < 0)
        {
            System.Console.WriteLine("fuzz: cannot start the campaign: " + ProcessCalls.ErrorText(pid));
            return 1;
        }
        ProcessCalls.Wait(pid, out long status);
        System.Console.WriteLine("fuzz: campaign process ended with status " + status.ToString());
        int failures = status == 0 ? 0 : 1;
        if (checkServices)
            failures += CheckServices();
        // Let the kernel finish tearing the campaign's processes down before counting.
        ProcessCalls.Sleep(200);
        ProcessCalls.GetMemoryInfo(out MemoryInfo after, collectKernelHeap: true);
        long heldAfter = ProcessCalls.PagesHeldByRunningProcesses();
        System.Console.WriteLine("fuzz: free frames " + before.FreePages.ToString() + " -> " + after.FreePages.ToString()
            + ", kernel heap " + (before.KernelHeapBytes / 1024).ToString() + " -> " + (after.KernelHeapBytes / 1024).ToString() + " KiB"
            + " (live after a collection " + (before.KernelHeapLiveBytes / 1024).ToString() + " -> " + (after.KernelHeapLiveBytes / 1024).ToString() + " KiB)"
            + ", pages held by processes " + heldBefore.ToString() + " -> " + heldAfter.ToString());
        System.Console.WriteLine(failures == 0 ? "fuzz: done" : "fuzz: done, FAILED");
        return failures;
    }

    /// <summary>A normal client of the services, in a child killed after a time-out: a service that stopped answering is a failure, not a hang.</summary>
    private static int CheckServices()
    {
        long pid = ChildProcess.Start("/bin/fuzz check", withOutput: true);
        if (pid < 0)
            return 1;
        if (!ChildProcess.Finish(pid, 5000, out long status))
        {
            System.Console.WriteLine("fuzz: check: a service did not answer within 5 s (killed the client)");
            return 1;
        }
        return status == 0 ? 0 : 1;
    }
}
