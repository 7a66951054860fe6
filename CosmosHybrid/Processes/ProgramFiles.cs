using CosmosHybrid.Boot;
using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Diagnostics;

namespace CosmosHybrid.Processes;

/// <summary>
/// The programs that can be spawned: GRUB modules whose name ends in ".elf" (shell.elf
/// is the program "shell"), each with its symbol map ("shell.sym") when the build made one.
/// Each is kept in pages of its own, which every process running it shares read-only.
/// </summary>
internal static class ProgramFiles
{
    private const int MaxPrograms = 32;
    private const string Extension = ".elf";
    private const string SymbolsExtension = ".sym";

    private static readonly string[] s_names = new string[MaxPrograms];
    private static readonly ProgramImage[] s_files = new ProgramImage[MaxPrograms];
    private static readonly SymbolTable[] s_symbols = new SymbolTable[MaxPrograms];
    private static int s_count;

    public static int Count => s_count;

    public static string GetName(int index) => s_names[index];

    public static void LoadFromModules(BootInformation boot)
    {
        for (int i = 0; i < boot.ModuleCount && s_count < MaxPrograms; i++)
        {
            BootModule module = boot.GetModule(i);
            if (!module.Name.EndsWith(Extension))
                continue;
            string name = module.Name.Substring(0, module.Name.Length - Extension.Length);
            s_names[s_count] = name;
            s_files[s_count] = ProgramImage.FromBootModule(BootModuleData.Bytes(module));
            if (boot.TryFindModule(name + SymbolsExtension, out BootModule symbols))
                s_symbols[s_count] = new SymbolTable(BootModuleData.Copy(symbols), name);
            s_count++;
        }
    }

    /// <summary>The symbol map of program <paramref name="name"/>, or null.</summary>
    public static SymbolTable GetSymbols(string name)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_names[i] == name)
                return s_symbols[i];
        }
        return null;
    }

    public static bool TryGet(string name, out ProgramImage file)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_names[i] == name)
            {
                file = s_files[i];
                return true;
            }
        }
        file = null;
        return false;
    }
}
