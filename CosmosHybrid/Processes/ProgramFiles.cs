using CosmosHybrid.Boot;
using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel;

namespace CosmosHybrid.Processes;

/// <summary>
/// The programs a spawn finds by name: a GRUB module whose name ends in ".elf" (init.elf is the
/// program "init"), else /bin/NAME.elf on the root file system. The boot modules are the few
/// programs needed before a root is served (init, the ring-3 file server); the rest live only in
/// /bin, so GRUB reads them once, as part of rootfs.img, instead of twice. A module program is kept
/// in pages of its own, which every process running it shares read-only, with its symbol map
/// ("init.sym") when the build made one; a /bin program's map is /bin/NAME.sym (read with it).
/// </summary>
internal static class ProgramFiles
{
    private const int MaxPrograms = 32;
    private const string Extension = ".elf";
    private const string SymbolsExtension = ".sym";
    private const string ProgramDirectory = "/bin/";

    private static readonly string[] s_names = new string[MaxPrograms];
    private static readonly ProgramImage[] s_files = new ProgramImage[MaxPrograms];
    private static int s_count;

    public static void LoadFromModules(BootInformation boot)
    {
        for (int i = 0; i < boot.ModuleCount && s_count < MaxPrograms; i++)
        {
            BootModule module = boot.GetModule(i);
            if (!module.Name.EndsWith(Extension))
                continue;
            string name = module.Name.Substring(0, module.Name.Length - Extension.Length);
            ProgramImage image = ProgramImage.FromBootModule(BootModuleData.Bytes(module));
            if (boot.TryFindModule(name + SymbolsExtension, out BootModule symbols))
                image.Symbols = new SymbolTable(BootModuleData.Copy(symbols), name);
            s_names[s_count] = name;
            s_files[s_count] = image;
            s_count++;
        }
    }

    /// <summary>
    /// The program <paramref name="name"/> (no '/' in it): its boot module, else /bin/NAME.elf read
    /// for this spawn (let go with <see cref="ProgramImage.Release"/>); NotFound when neither exists.
    /// </summary>
    public static StorageError Find(string name, out ProgramImage file)
    {
        if (TryGetModule(name, out file))
            return StorageError.Ok;
        return KernelFileSystem.ReadProgram("/", ProgramDirectory + name + Extension, out file);
    }

    /// <summary>Whether a spawn of <paramref name="name"/> would find a program file.</summary>
    public static bool Exists(string name) =>
        TryGetModule(name, out _) || KernelFileSystem.FileExists(ProgramDirectory + name + Extension);

    private static bool TryGetModule(string name, out ProgramImage file)
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
