using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;

namespace CosmosHybrid.Processes;

/// <summary>
/// The "   at Namespace.Type.Method" lines of a killed program's report, as an unhandled
/// exception's: the faulting method, then its callers along the frame-pointer chain, named
/// from the program's symbol map. Only present pages are read (nothing is faulted in, so a
/// program out of memory or off its stack can still be described). A run of one method (a
/// recursion) is one line with its count.
/// </summary>
internal static unsafe class UserFaultTrace
{
    private const int MaxFrames = 4096;
    private const int MaxLines = 12;

    public static void Write(Process process, InterruptFrame* frame)
    {
        SymbolTable symbols = process.Symbols;
        if (symbols == null || process.AddressSpace == null)
            return;
        string previous = null;
        ulong previousCode = 0;
        int repeats = 0;
        int lines = 0;
        ulong code = frame->Rip;
        ulong rbp = frame->Rbp;
        for (int depth = 0; depth < MaxFrames && code != 0; depth++)
        {
            // A return address points after its call: look up the byte before it. Each lookup scans
            // the map, so a recursion's identical return addresses are looked up once.
            string name = code == previousCode ? previous
                : symbols.TryFind(depth == 0 ? code : code - 1, out string found, out _) ? found : "0x" + code.ToString("x");
            previousCode = code;
            if (name == previous)
            {
                repeats++;
            }
            else
            {
                if (previous != null && !WriteLine(previous, repeats, ref lines))
                    return;
                previous = name;
                repeats = 1;
            }
            // The chain runs up the stack; anything else (a leaf without a frame, garbage) ends it.
            bool more = process.AddressSpace.TryReadPresentWord(rbp + 8, out code);
            more &= process.AddressSpace.TryReadPresentWord(rbp, out ulong callerRbp) && callerRbp > rbp;
            if (!more)
                code = 0;
            rbp = callerRbp;
        }
        if (previous != null)
            WriteLine(previous, repeats, ref lines);
    }

    private static bool WriteLine(string name, int repeats, ref int lines)
    {
        if (lines == MaxLines)
            return false;
        lines++;
        KernelLog.WriteLine("   at " + name + (repeats > 1 ? " (" + repeats.ToString() + " frames)" : ""));
        return true;
    }
}
