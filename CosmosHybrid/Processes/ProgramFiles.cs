using CosmosHybrid.Boot;
using CosmosHybrid.Boot.Multiboot2;

namespace CosmosHybrid.Processes;

/// <summary>
/// The programs that can be spawned: GRUB modules whose name ends in ".elf" (shell.elf
/// is the program "shell"). A filesystem will add programs from files later.
/// </summary>
internal static class ProgramFiles
{
    private const int MaxPrograms = 32;
    private const string Extension = ".elf";

    private static readonly string[] s_names = new string[MaxPrograms];
    private static readonly byte[][] s_files = new byte[MaxPrograms][];
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
            s_names[s_count] = module.Name.Substring(0, module.Name.Length - Extension.Length);
            s_files[s_count] = BootModuleData.Copy(module);
            s_count++;
        }
    }

    public static bool TryGet(string name, out byte[] file)
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
