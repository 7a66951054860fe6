// CosmosHybrid build: C# -> (csc) kernel.dll -> (ilc) kernel.o -> (ld + NASM objects) kernel.elf
// -> (grub-mkrescue) cosmoshybrid.iso. Each step is skipped when its outputs are newer
// than its inputs, so a second build with no change only checks timestamps.
//
// Targets: build (default), run, test, bench, clean. Run through ./build.sh, which installs
// the system packages first.

var target = Argument("target", "build");
var gui = HasArgument("gui");
var firmware = Argument("firmware", "bios");   // bios | uefi, for `run`
var disk = Argument("disk", "");                // a raw disk image to attach (IDE) for `run`

var root = MakeAbsolute(Directory("."));
var outDir = root.Combine("out");
var objDir = outDir.Combine("obj");
var isoRoot = outDir.Combine("isoroot");
var kernelProject = root.CombineWithFilePath("CosmosHybrid/CosmosHybrid.csproj");
var kernelDll = root.CombineWithFilePath("CosmosHybrid/bin/Release/net10.0/kernel.dll");
var kernelObject = objDir.CombineWithFilePath("kernel.o");
var kernelElf = outDir.CombineWithFilePath("kernel.elf");
var kernelSymbols = outDir.CombineWithFilePath("kernel.sym");
var linkerScript = root.CombineWithFilePath("CosmosHybrid/Boot/linker.ld");
var grubConfig = root.CombineWithFilePath("CosmosHybrid/Boot/grub.cfg");
// The symbol maps are made by this script's SymbolMap: a change to it makes them again (a stale map changes module
// sizes, and so the kernel's memory layout, between a tree built step by step and a fresh clone).
var buildScript = root.CombineWithFilePath("build.cake");
var fontSource = new FilePath("/usr/share/grub/unicode.pf2");
// grub-mkrescue installs only the GRUB modules the configurations load, and no translations, fonts or themes: GRUB
// reads fewer, smaller files from the CD (by polling, under -icount about 100 M ticks instead of 130 M before a module).
const string GrubMkrescueOptions = "--install-modules=\"normal multiboot2 iso9660 test all_video\" --locales= --fonts= --themes=";
// The framebuffer drivers: on BIOS `multiboot2` brings `vbe` itself; on UEFI, GOP or UGA (not every video driver).
const string GrubVideo = "if [ \"$grub_platform\" = efi ]; then insmod efi_gop; insmod efi_uga; fi";
var iso = outDir.CombineWithFilePath("cosmoshybrid.iso");
// The pinned NativeAOT compiler version, kept once in Directory.Build.props.
var IlcVersion = System.Xml.Linq.XDocument.Load(root.CombineWithFilePath("Directory.Build.props").FullPath)
    .Descendants("IlcVersion").Single().Value;

// Tools the build and the tests call, and the Debian package that provides each.
var requiredTools = new (string Tool, string Package)[]
{
    ("nasm", "nasm"), ("ld", "binutils"), ("nm", "binutils"), ("grub-mkrescue", "grub-common"),
    ("xorriso", "xorriso"), ("mformat", "mtools"), ("mcopy", "mtools"), ("qemu-system-x86_64", "qemu-system-x86"),
};

Task("Prerequisites").Does(() =>
{
    var missing = requiredTools.Where(t => !IsOnPath(t.Tool)).ToList();
    if (!IsOnPath("mkfs.fat") && !FileExists(ToolPath("mkfs.fat"))) missing.Add(("mkfs.fat", "dosfstools"));
    if (!System.IO.Directory.Exists("/usr/lib/grub/i386-pc")) missing.Add(("grub BIOS modules", "grub-pc-bin"));
    if (!System.IO.Directory.Exists("/usr/lib/grub/x86_64-efi")) missing.Add(("grub UEFI modules", "grub-efi-amd64-bin"));
    if (!FileExists(fontSource)) missing.Add(("GRUB font " + fontSource, "grub-common"));
    if (missing.Count > 0)
    {
        throw new Exception("Missing build tools: "
            + string.Join(", ", missing.Select(m => $"{m.Tool} (package {m.Package})"))
            + ". Install them with: sudo apt-get install " + string.Join(" ", missing.Select(m => m.Package).Distinct())
            + " (./build.sh does this for you).");
    }
});

Task("Kernel-Assembly")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    // MSBuild is incremental on its own: it only recompiles when a source changed.
    DotNetBuild(kernelProject.FullPath, new DotNetBuildSettings
    {
        Configuration = "Release",
        NoLogo = true,
        Verbosity = DotNetVerbosity.Quiet,
    });
});

Task("Kernel-Native")
    .IsDependentOn("Kernel-Assembly")
    .Does(() =>
{
    EnsureDirectoryExists(objDir);
    if (!IsUpToDate(kernelObject, kernelDll))
    {
        Information("ilc: kernel.dll -> kernel.o");
        // --noinlinetls: [ThreadStatic] goes through Internal.Runtime.ThreadStatics, not ELF TLS below FS (neither ring has it).
        Run(IlcPath(), $"\"{kernelDll}\" -o \"{kernelObject}\" --systemmodule:kernel --targetos:linux --targetarch:x64 --noinlinetls -O --nativelib -g");
    }

    var objects = new List<FilePath> { kernelObject };
    foreach (var source in GetFiles(root.FullPath + "/CosmosHybrid/**/*.asm").Concat(GetFiles(root.FullPath + "/Drivers/**/*.asm")))
    {
        var obj = objDir.CombineWithFilePath(source.GetFilenameWithoutExtension() + ".o");
        if (!IsUpToDate(obj, source))
        {
            Information($"nasm: {root.GetRelativePath(source)}");
            Run("nasm", $"-f elf64 -g -o \"{obj}\" \"{source}\"");
        }
        objects.Add(obj);
    }

    if (!IsUpToDate(kernelElf, objects.Append(linkerScript).ToArray()))
    {
        Information("ld: kernel.elf");
        Run("ld", $"-n --no-warn-rwx-segments -z noexecstack -T \"{linkerScript}\" -o \"{kernelElf}\" "
            + string.Join(" ", objects.Select(o => $"\"{o}\"")));
    }

    if (!IsUpToDate(kernelSymbols, kernelElf, buildScript))
    {
        // Sorted symbol map, loaded by GRUB as a module: names for panic stack traces.
        System.IO.File.WriteAllText(kernelSymbols.FullPath, SymbolMap(kernelElf));
    }
});

// System-call numbers for assembly sources: out/obj/syscall_numbers.inc, one
// `%define SYS_NAME number` per member of the SyscallNumber enum (Exit -> SYS_EXIT,
// PortReplyWait -> SYS_PORT_REPLY_WAIT), so crt0.asm names the numbers instead of copying
// them. NASM finds it through -I. Rewritten only when its text changes.
var syscallNumbersSource = root.CombineWithFilePath("Services/Abi/SyscallNumber.cs");
var syscallNumbersInclude = objDir.CombineWithFilePath("syscall_numbers.inc");

Task("Syscall-Numbers").Does(() =>
{
    var source = System.IO.File.ReadAllText(syscallNumbersSource.FullPath);
    var body = System.Text.RegularExpressions.Regex.Match(source, @"enum\s+SyscallNumber\b[^{]*\{(.*?)\n\}",
        System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
    var defines = System.Text.RegularExpressions.Regex.Matches(body, @"^\s*(\w+)\s*=\s*(\d+)\s*,?\s*$",
            System.Text.RegularExpressions.RegexOptions.Multiline)
        .Select(m => $"%define SYS_{ConstantName(m.Groups[1].Value)} {m.Groups[2].Value}")
        .ToList();
    if (defines.Count == 0)
        throw new Exception($"no SyscallNumber members found in {root.GetRelativePath(syscallNumbersSource)}");
    var text = $"; Generated by build.cake from {root.GetRelativePath(syscallNumbersSource)}: do not edit.\n"
        + string.Join("\n", defines) + "\n";
    EnsureDirectoryExists(objDir);
    if (!FileExists(syscallNumbersInclude) || System.IO.File.ReadAllText(syscallNumbersInclude.FullPath) != text)
    {
        Information($"syscall numbers: {root.GetRelativePath(syscallNumbersInclude)}");
        System.IO.File.WriteAllText(syscallNumbersInclude.FullPath, text);
    }
});

// Ring-3 programs: every Services/*/*.csproj that imports RingThreeProgram.props becomes
// out/NAME.elf (ilc, plus crt0, the runtime's assembly stubs and the program's own .asm)
// and out/NAME.sym (its symbol map). Both go to /bin in rootfs.img; those of BootModulePrograms
// are boot modules too.
var programs = new List<FilePath>();

// The programs GRUB loads as modules besides rootfs.img: what runs before a root file system is served
// (init; fs, the ring-3 server of "/" under fs:/=ring3, which init restarts from its module), and true,
// which bench spawns from its module for the spawn_exit_wait_module row. Every other program is found
// in /bin by name (Processes/ProgramFiles.cs): GRUB reads each byte of a module from the CD by polling.
var BootModulePrograms = new[] { "init", "fs", "true" };
bool IsBootModule(FilePath file) => BootModulePrograms.Contains(file.GetFilenameWithoutExtension().FullPath);
var strippedDir = outDir.Combine("stripped");

// COPY: SOURCE without its symbol table and debug sections, for what GRUB loads at boot (it reads every byte of a
// module, and of kernel.elf every section). The unstripped files stay in out/ for nm, gdb and the .sym maps.
void StripIfChanged(FilePath source, FilePath copy)
{
    EnsureDirectoryExists(copy.GetDirectory());
    if (!IsUpToDate(copy, source))
        Run("strip", $"--strip-all -o \"{copy}\" \"{source}\"");
}

// The kernel console's font (boot module font.pf2): GRUB's unicode.pf2 with the glyphs below U+3000 only, 0.4 MB of
// its 2.4 MB (the rest is CJK, Hangul, Yi and the like, which the console then shows as '?'). GRUB reads every byte of
// a module from the CD by polling; ring 3 (window server, terminal) reads the whole font from /share/unicode.pf2.
const int ConsoleFontEnd = 0x3000;

void ConsoleFontIfChanged(FilePath source, FilePath subset)
{
    if (IsUpToDate(subset, source, buildScript))
        return;
    // PF2: sections of a 4-byte tag and a big-endian length; CHIX holds 9-byte entries (code point, flags, file offset
    // of the glyph), DATA runs to the end of the file with glyphs of 10 header bytes and a bitmap of width * height bits.
    byte[] font = System.IO.File.ReadAllBytes(source.FullPath);
    int BigEndian32(int at) => (font[at] << 24) | (font[at + 1] << 16) | (font[at + 2] << 8) | font[at + 3];
    int GlyphLength(int at) => 10 + ((font[at] << 8 | font[at + 1]) * (font[at + 2] << 8 | font[at + 3]) + 7) / 8;
    int offset = 4 + 4 + 4, chix = -1, chixLength = 0;
    while (System.Text.Encoding.ASCII.GetString(font, offset, 4) != "DATA")
    {
        int length = BigEndian32(offset + 4);
        if (System.Text.Encoding.ASCII.GetString(font, offset, 4) == "CHIX")
            (chix, chixLength) = (offset + 8, length);
        offset += 8 + length;
    }
    var kept = Enumerable.Range(0, chixLength / 9).Select(i => chix + i * 9).Where(entry => (uint)BigEndian32(entry) < ConsoleFontEnd).ToList();
    var output = new System.IO.MemoryStream();
    output.Write(font, 0, chix - 8);                          // the sections before CHIX, unchanged
    void WriteBigEndian32(int value) => output.Write(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
    output.Write(System.Text.Encoding.ASCII.GetBytes("CHIX"));
    WriteBigEndian32(kept.Count * 9);
    int glyphAt = chix - 8 + 8 + kept.Count * 9 + (offset - (chix + chixLength)) + 8;   // CHIX, the sections after it, DATA's header
    foreach (int entry in kept)
    {
        output.Write(font, entry, 5);
        WriteBigEndian32(glyphAt);
        glyphAt += GlyphLength(BigEndian32(entry + 5));
    }
    output.Write(font, chix + chixLength, offset + 8 - (chix + chixLength));   // the sections after CHIX and DATA's header
    foreach (int entry in kept)
        output.Write(font, BigEndian32(entry + 5), GlyphLength(BigEndian32(entry + 5)));
    EnsureDirectoryExists(subset.GetDirectory());
    System.IO.File.WriteAllBytes(subset.FullPath, output.ToArray());
}

Task("Programs")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Syscall-Numbers")
    .Does(() =>
{
    var userRuntime = root.Combine("Services/UserRuntime");
    var sharedAssembly = new[]
    {
        userRuntime.CombineWithFilePath("crt0.asm"),
        root.CombineWithFilePath("CosmosHybrid/Runtime/Internal/RuntimeStubs.asm"),
        root.CombineWithFilePath("CosmosHybrid/Runtime/Internal/ExceptionHandling/ExceptionStubs.asm"),
    };
    foreach (var project in GetFiles(root.FullPath + "/Services/*/*.csproj"))
    {
        var text = System.IO.File.ReadAllText(project.FullPath);
        if (!text.Contains("RingThreeProgram.props"))
            continue;
        var name = System.Text.RegularExpressions.Regex.Match(text, "<AssemblyName>([^<]+)</AssemblyName>").Groups[1].Value;
        var projectDir = project.GetDirectory();
        var programObj = objDir.Combine(name);
        EnsureDirectoryExists(programObj);

        DotNetBuild(project.FullPath, new DotNetBuildSettings { Configuration = "Release", NoLogo = true, Verbosity = DotNetVerbosity.Quiet });
        var dll = projectDir.CombineWithFilePath($"bin/Release/net10.0/{name}.dll");
        var obj = programObj.CombineWithFilePath(name + ".o");
        if (!IsUpToDate(obj, dll))
        {
            Information($"ilc: {name}.dll -> {name}.o");
            Run(IlcPath(), $"\"{dll}\" -o \"{obj}\" --systemmodule:{name} --targetos:linux --targetarch:x64 --noinlinetls -O --nativelib");
        }

        var objects = new List<FilePath> { obj };
        foreach (var source in sharedAssembly.Concat(GetFiles(projectDir.FullPath + "/*.asm")))
        {
            var assembled = programObj.CombineWithFilePath(source.GetFilenameWithoutExtension() + ".o");
            if (!IsUpToDate(assembled, source, syscallNumbersInclude))
                Run("nasm", $"-f elf64 -I \"{objDir}/\" -o \"{assembled}\" \"{source}\"");
            objects.Add(assembled);
        }

        var elf = outDir.CombineWithFilePath(name + ".elf");
        var script = userRuntime.CombineWithFilePath("user.ld");
        if (!IsUpToDate(elf, objects.Append(script).ToArray()))
        {
            Information($"ld: {name}.elf");
            Run("ld", $"-static -z max-page-size=4096 -z noexecstack -z norelro -T \"{script}\" -o \"{elf}\" "
                + string.Join(" ", objects.Select(o => $"\"{o}\"")));
        }
        // Its symbol map, so the kernel can name types and methods in the program's fault reports.
        var symbols = outDir.CombineWithFilePath(name + ".sym");
        if (!IsUpToDate(symbols, elf, buildScript))
            System.IO.File.WriteAllText(symbols.FullPath, SymbolMap(elf));
        // The boot module and /bin carry it without its ELF symbol table (the .sym has the names): GRUB reads half the bytes.
        var stripped = strippedDir.CombineWithFilePath(name + ".elf");
        StripIfChanged(elf, stripped);
        programs.Add(stripped);
        programs.Add(symbols);
    }
});

// The root file system: a FAT16 image with the programs in /bin and a README, which GRUB
// loads as the module rootfs.img and the kernel mounts at "/" (a RAM disk).
var rootFs = outDir.CombineWithFilePath("rootfs.img");
var rootFsReadme = root.CombineWithFilePath("CosmosHybrid/Boot/rootfs-readme.txt");
var linuxBaseline = root.CombineWithFilePath("Services/Bench/linux-baseline.txt");
var servicesManifest = root.CombineWithFilePath("Services/Init/services");
var testServicesManifest = root.CombineWithFilePath("Services/Init/test-services");
var netServicesManifest = root.CombineWithFilePath("Services/Init/net-services");
var consoleServicesManifest = root.CombineWithFilePath("Services/Init/console-services");
var faultServicesManifest = root.CombineWithFilePath("Services/Init/fault-services");
var faultAllServicesManifest = root.CombineWithFilePath("Services/Init/fault-all-services");
const int RootFsKiB = 16 * 1024;

Task("RootFs")
    .IsDependentOn("Programs")
    .Does(() =>
{
    if (IsUpToDate(rootFs, programs.Append(rootFsReadme).Append(linuxBaseline).Append(servicesManifest).Append(testServicesManifest).Append(netServicesManifest).Append(consoleServicesManifest).Append(faultServicesManifest).Append(faultAllServicesManifest).Append(fontSource).ToArray()))
        return;
    Information($"mkfs.fat + mtools: rootfs.img ({RootFsKiB / 1024} MiB FAT16: /bin, /etc, /share, /README.TXT)");
    var temporary = outDir.CombineWithFilePath("rootfs.img.tmp");
    if (FileExists(temporary))
        DeleteFile(temporary);
    // FAT16: FAT32 needs at least 65525 clusters (over 32 MiB of RAM disk); mtools refuses less.
    Run("mkfs.fat", $"-F 16 -n COSMOSROOT -C \"{temporary}\" {RootFsKiB}", quiet: true);
    Run("mmd", $"-i \"{temporary}\" ::/bin");
    foreach (var program in programs)
        Run("mcopy", $"-i \"{temporary}\" \"{program}\" ::/bin/{program.GetFilename()}");
    Run("mcopy", $"-i \"{temporary}\" \"{rootFsReadme}\" ::/README.TXT");
    Run("mmd", $"-i \"{temporary}\" ::/share");
    Run("mcopy", $"-i \"{temporary}\" \"{linuxBaseline}\" ::/share/linux-baseline.txt");
    // The font of the window server, its clients and the terminal (the kernel gets the same file as a boot module).
    Run("mcopy", $"-i \"{temporary}\" \"{fontSource}\" ::/share/unicode.pf2");
    Run("mmd", $"-i \"{temporary}\" ::/etc");
    Run("mcopy", $"-i \"{temporary}\" \"{servicesManifest}\" ::/etc/services");
    Run("mcopy", $"-i \"{temporary}\" \"{testServicesManifest}\" ::/etc/test-services");
    Run("mcopy", $"-i \"{temporary}\" \"{netServicesManifest}\" ::/etc/net-services");
    Run("mcopy", $"-i \"{temporary}\" \"{consoleServicesManifest}\" ::/etc/console-services");
    Run("mcopy", $"-i \"{temporary}\" \"{faultServicesManifest}\" ::/etc/fault-services");
    Run("mcopy", $"-i \"{temporary}\" \"{faultAllServicesManifest}\" ::/etc/fault-all-services");
    if (FileExists(rootFs))
        DeleteFile(rootFs);
    // Without its empty tail (whole 4 KiB pages): GRUB reads only the used part, and the kernel's RAM disk covers the
    // size the boot sector declares, reading the rest as zeros (Drivers/Storage/RamDisk.cs).
    var image = System.IO.File.ReadAllBytes(temporary.FullPath);
    int used = Array.FindLastIndex(image, b => b != 0) + 1;
    System.IO.File.WriteAllBytes(rootFs.FullPath, image.AsSpan(0, Math.Min(image.Length, (used + 4095) / 4096 * 4096)).ToArray());
    DeleteFile(temporary);
});

Task("Iso")
    .IsDependentOn("Kernel-Native")
    .IsDependentOn("Programs")
    .IsDependentOn("RootFs")
    .Does(() =>
{
    var boot = isoRoot.Combine("boot");
    EnsureDirectoryExists(boot.Combine("grub"));
    StripIfChanged(kernelElf, boot.CombineWithFilePath("kernel.elf"));
    CopyIfChanged(kernelSymbols, boot.CombineWithFilePath("kernel.sym"));
    ConsoleFontIfChanged(fontSource, boot.CombineWithFilePath("font.pf2"));
    var modulePrograms = programs.Where(IsBootModule).ToList();
    foreach (var program in modulePrograms)
        CopyIfChanged(program, boot.CombineWithFilePath(program.GetFilename()));
    CopyIfChanged(rootFs, boot.CombineWithFilePath("rootfs.img"));
    // Test images and BootOnlyIso take every file here as a module: a program that left the module list
    // (or a tree built before it did) must not stay behind.
    var moduleFiles = new[] { "kernel.elf", "kernel.sym", "font.pf2", "rootfs.img" }.Concat(modulePrograms.Select(p => p.GetFilename().FullPath)).ToHashSet();
    foreach (var stale in GetFiles(boot.FullPath + "/*.*").Where(f => !moduleFiles.Contains(f.GetFilename().FullPath)))
        DeleteFile(stale);

    // Every menu entry loads the same modules: symbols, font, the boot module programs with their symbols, and the root file system.
    var modules = string.Join("\n    ", new[] { "kernel.sym", "font.pf2" }.Concat(modulePrograms.Select(p => p.GetFilename().FullPath)).Append("rootfs.img")
        .Select(file => $"module2 /boot/{file} {file}"));
    var config = System.IO.File.ReadAllText(grubConfig.FullPath).Replace("@MODULES@", modules).Replace("@VIDEO@", GrubVideo);
    var configPath = boot.Combine("grub").CombineWithFilePath("grub.cfg");
    if (!FileExists(configPath) || System.IO.File.ReadAllText(configPath.FullPath) != config)
        System.IO.File.WriteAllText(configPath.FullPath, config);

    var inputs = GetFiles(isoRoot.FullPath + "/**/*").ToArray();
    if (!IsUpToDate(iso, inputs))
    {
        Information("grub-mkrescue: cosmoshybrid.iso (BIOS + UEFI, CD + USB)");
        Run("grub-mkrescue", $"{GrubMkrescueOptions} -o \"{iso}\" \"{isoRoot}\"");
    }
    Information($"Image: {root.GetRelativePath(iso)}");
});

Task("Build").IsDependentOn("Iso");

Task("Run")
    .IsDependentOn("Build")
    .Does(() =>
{
    var args = $"-machine pc -cpu max -m 512 -cdrom \"{iso}\" -no-reboot "
        + "-device isa-debug-exit,iobase=0xf4,iosize=0x04 ";
    if (firmware == "uefi")
        args += "-bios /usr/share/ovmf/OVMF.fd ";
    if (disk != "")
        args += $"-drive file=\"{MakeAbsolute(File(disk))}\",format=raw,if=ide,index=0 -boot order=d ";
    args += gui ? "-serial stdio" : "-nographic -serial mon:stdio";
    Information(gui ? "QEMU window + serial console here." : "Headless: the serial console is this terminal. Quit QEMU with Ctrl-A then X.");
    // QEMU's own exit status reports isa-debug-exit codes; a user session ends with whatever they chose.
    StartProcess("qemu-system-x86_64", new ProcessSettings { Arguments = args });
});

Task("VMware")
    .IsDependentOn("Build")
    .Does(() =>
{
    // out/vmware/: the ISO, .vmx files for BIOS and EFI, and a FAT32 data disk as .vmdk (README: "VMware").
    var vmware = outDir.Combine("vmware");
    DotNetRun(root.CombineWithFilePath("tools/VmwareBundle/VmwareBundle.csproj").FullPath,
        new ProcessArgumentBuilder().AppendQuoted(iso.FullPath).AppendQuoted(vmware.FullPath),
        new DotNetRunSettings { Configuration = "Release" });
});

// The ISO's boot files (kernel, modules) copied to BOOT, and nothing else left there: a module from an older module
// list, or from an earlier `debug --program`, would shadow its program in /bin.
void MirrorBootFiles(DirectoryPath boot)
{
    var files = GetFiles(isoRoot.FullPath + "/boot/*.*");
    var names = files.Select(f => f.GetFilename().FullPath).ToHashSet();
    foreach (var stale in GetFiles(boot.FullPath + "/*.*").Where(f => !names.Contains(f.GetFilename().FullPath)))
        DeleteFile(stale);
    foreach (var file in files)
        CopyIfChanged(file, boot.CombineWithFilePath(file.GetFilename()));
}

// out/NAME.iso: the ISO's boot files with one menu entry, booted at once with COMMAND_LINE.
FilePath BootOnlyIso(string name, string commandLine)
{
    var isoRootDir = outDir.Combine(name + "-root");
    EnsureDirectoryExists(isoRootDir.Combine("boot/grub"));
    MirrorBootFiles(isoRootDir.Combine("boot"));
    var modules = string.Join("", GetFiles(isoRoot.FullPath + "/boot/*.*").Select(f => f.GetFilename().FullPath)
        .Where(f => f != "kernel.elf").Select(f => $"    module2 /boot/{f} {f}\n"));
    var config = $"set timeout=0\n{GrubVideo}\nmenuentry \"CosmosHybrid {name}\" {{\n"
        + $"    multiboot2 /boot/kernel.elf {commandLine}\n" + modules + "    boot\n}\n";
    System.IO.File.WriteAllText(isoRootDir.Combine("boot/grub").CombineWithFilePath("grub.cfg").FullPath, config);
    var result = outDir.CombineWithFilePath(name + ".iso");
    if (!IsUpToDate(result, GetFiles(isoRootDir.FullPath + "/**/*").ToArray()))
        Run("grub-mkrescue", $"{GrubMkrescueOptions} -o \"{result}\" \"{isoRootDir}\"");
    return result;
}

Task("Bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Same conditions as ../shared/perf's Linux figures: TCG, -icount shift=0 (one TSC tick per
    // guest instruction), qemu64 CPU, 512 MiB, one CPU. The kernel runs its benchmarks and powers off.
    // --only=floors: just the ring-3 rows with a floor on the kernel's hot paths (null call, IPC, files), a quick loop.
    var only = Argument("only", "");
    var benchIso = only == "" ? BootOnlyIso("bench", "bench fs:/disk1=ring3") : BootOnlyIso("bench-" + only, $"bench={only} fs:/disk1=ring3");
    // The same boot with no menu and only `timeline` on the command line: the boot timeline and the -m bisection of
    // tools/BenchReport (the ISO's own menu would wait its time-out, which -icount counts).
    var timelineIso = BootOnlyIso("timeline", "timeline");

    // A fresh FAT32 disk (300 MiB, sparse: 4 KiB clusters) as the IDE primary master, mounted at /disk,
    // for the file benchmarks through the buffer cache.
    var benchDisk = outDir.CombineWithFilePath("bench-disk.img");
    if (FileExists(benchDisk))
        DeleteFile(benchDisk);
    Run("mkfs.fat", $"-F 32 -C \"{benchDisk}\" {300 * 1024}", quiet: true);
    // The same again on the IDE slave, mounted at /disk1 and served by the ring-3 file server `fs`
    // (boot option fs:/disk1=ring3): the file rows measured on both placements side by side (issue 14).
    var benchDiskRing3 = outDir.CombineWithFilePath("bench-disk-ring3.img");
    if (FileExists(benchDiskRing3))
        DeleteFile(benchDiskRing3);
    Run("mkfs.fat", $"-F 32 -C \"{benchDiskRing3}\" {300 * 1024}", quiet: true);

    var exit = StartProcess("qemu-system-x86_64", new ProcessSettings
    {
        Arguments = $"-machine pc -cpu qemu64 -m 512 -smp 1 -icount shift=0 -cdrom \"{benchIso}\" -no-reboot "
            + $"-drive file=\"{benchDisk}\",format=raw,if=ide,index=0 -drive file=\"{benchDiskRing3}\",format=raw,if=ide,index=1 -boot order=d "
            + "-display none -monitor none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04",
        RedirectStandardOutput = true,
    }, out var redirected);
    var output = redirected.ToList();   // the redirected lines can be read once
    var results = output.Where(line => line.StartsWith("bench: ")).ToList();
    foreach (var line in results)
        Information(line);
    var baseline = System.IO.File.ReadAllLines(linuxBaseline.FullPath)
        .Where(line => line.Length > 0 && !line.StartsWith("#"))
        .Select(line => line.Replace("=", " "));
    Information($"Linux 6.1 in the same emulator ({root.GetRelativePath(linuxBaseline)}), ticks: {string.Join(", ", baseline)}.");
    if (exit != 33 || !results.Any(line => line == "bench: done"))
        throw new Exception($"the benchmark boot did not finish (QEMU exit {exit})");

    // out/bench/: the serial log, then (tools/BenchReport) the boot timeline and the smallest -m from
    // boots of the ISO to its shell, and the whole table as results.json and report.html.
    var benchOut = outDir.Combine("bench");
    EnsureDirectoryExists(benchOut);
    var benchLog = benchOut.CombineWithFilePath("bench.log");
    System.IO.File.WriteAllLines(benchLog.FullPath, output);
    if (only != "")
        return;   // a selection's rows are printed above; the report wants the whole table
    var reportArguments = new ProcessArgumentBuilder().AppendQuoted(benchLog.FullPath).AppendQuoted(linuxBaseline.FullPath)
        .AppendQuoted(timelineIso.FullPath).AppendQuoted(benchOut.FullPath);
    if (HasArgument("no-boots"))
        reportArguments.Append("--no-boots");
    DotNetRun(root.CombineWithFilePath("tools/BenchReport/BenchReport.csproj").FullPath, reportArguments,
        new DotNetRunSettings { Configuration = "Release" });
});

// ./build.sh timeline: only the boot rows of bench (kernel entry, first ring-3 instruction, prompt, footprint) from one
// boot of out/timeline.iso under the benchmark's QEMU flags, without the benchmark boot.
Task("Timeline")
    .IsDependentOn("Build")
    .Does(() =>
{
    var timelineIso = BootOnlyIso("timeline", "timeline");
    DotNetRun(root.CombineWithFilePath("tools/BenchReport/BenchReport.csproj").FullPath,
        new ProcessArgumentBuilder().Append("--timeline").AppendQuoted(timelineIso.FullPath),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("Debug-Build")   // DebuggerTests boots out/debug
    .Does(() =>
{
    var settings = new DotNetTestSettings
    {
        Configuration = "Release",
        NoLogo = true,
        Loggers = new[] { "console;verbosity=normal" },
        EnvironmentVariables = new Dictionary<string, string> { ["COSMOSHYBRID_OUT"] = outDir.FullPath },
    };
    DotNetTest(root.CombineWithFilePath("tests/CosmosHybrid.UnitTests/CosmosHybrid.UnitTests.csproj").FullPath, settings);
    DotNetTest(root.CombineWithFilePath("tests/CosmosHybrid.HarnessTests/CosmosHybrid.HarnessTests.csproj").FullPath, settings);
    DotNetTest(root.CombineWithFilePath("tests/CosmosHybrid.BootTests/CosmosHybrid.BootTests.csproj").FullPath, settings);
});

// ./build.sh faultcampaign SERVICE N SEED (issue 17): boots with `faultinject init=init,/etc/fault-services`, types
// `faultinject SERVICE N SEED` at the serial shell and waits for the campaign's table. The guest counts what each
// fault did to the service; this side counts what the guest cannot see itself: kernel panics and hangs (no line for
// --hang-seconds). The serial log goes to out/faultcampaign/serial.log. For net, e1000 and ui the workload runs on the
// host, so the task runs ServiceFaultCampaignTests.Campaign (one fault per request, HTTP downloads or typed text checked
// on the host; log out/faultcampaign/serial-SERVICE-N-SEED.log).
Task("FaultCampaign")
    .IsDependentOn("Build")
    .Does(() =>
{
    var service = Argument("service", "echo");
    var faults = Argument("faults", 20);
    var seed = Argument("seed", 1UL);
    var hangSeconds = Argument("hang-seconds", 120);
    if (service == "net" || service == "e1000" || service == "ui")
    {
        // Their workload runs on the host (HTTP downloads, typed text on the screen): ServiceFaultCampaignTests.Campaign.
        var serviceLog = outDir.Combine("faultcampaign").CombineWithFilePath($"serial-{service}-{faults}-{seed}.log");
        EnsureDirectoryExists(serviceLog.GetDirectory());
        DotNetTest(root.CombineWithFilePath("tests/CosmosHybrid.BootTests/CosmosHybrid.BootTests.csproj").FullPath, new DotNetTestSettings
        {
            Configuration = "Release",
            NoLogo = true,
            Filter = "FullyQualifiedName~ServiceFaultCampaignTests.Campaign",
            Loggers = new[] { "console;verbosity=normal" },
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["COSMOSHYBRID_OUT"] = outDir.FullPath,
                ["FAULTCAMPAIGN_SERVICE"] = service,
                ["FAULTCAMPAIGN_FAULTS"] = faults.ToString(),
                ["FAULTCAMPAIGN_SEED"] = seed.ToString(),
                ["FAULTCAMPAIGN_LOG"] = serviceLog.FullPath,
            },
        });
        return;
    }
    var campaignIso = BootOnlyIso("faultcampaign", "faultinject init=init,/etc/fault-services");
    var campaignOut = outDir.Combine("faultcampaign");
    EnsureDirectoryExists(campaignOut);
    var log = new System.Text.StringBuilder();
    var lastOutput = DateTime.UtcNow;
    var start = new System.Diagnostics.ProcessStartInfo("qemu-system-x86_64",
        $"-machine pc -cpu max -m 512 -cdrom \"{campaignIso}\" -no-reboot -display none -monitor none -serial stdio "
        + "-device isa-debug-exit,iobase=0xf4,iosize=0x04")
    {
        RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
    };
    using var qemu = System.Diagnostics.Process.Start(start);
    qemu.OutputDataReceived += (sender, e) =>
    {
        if (e.Data == null)
            return;
        lock (log)
        {
            log.AppendLine(e.Data);
            lastOutput = DateTime.UtcNow;
        }
        if (e.Data.StartsWith("faultinject: ") && !e.Data.StartsWith("faultinject: fault "))
            Information(e.Data);
    };
    qemu.BeginOutputReadLine();
    string Log() { lock (log) return log.ToString(); }
    bool typed = false, panic = false, hang = false, done = false;
    while (!qemu.HasExited)
    {
        System.Threading.Thread.Sleep(500);
        string text = Log();
        if (!typed && text.Contains("CosmosHybrid shell (ring 3"))
        {
            qemu.StandardInput.Write($"faultinject {service} {faults} {seed}\r");
            qemu.StandardInput.Flush();
            typed = true;
        }
        panic = text.Contains("KERNEL PANIC");
        done = text.Contains("faultinject: campaign done");
        hang = (DateTime.UtcNow - lastOutput).TotalSeconds > hangSeconds;
        if (panic || done || hang)
            break;
    }
    System.Threading.Thread.Sleep(1000);
    if (!qemu.HasExited)
        qemu.Kill();
    System.IO.File.WriteAllText(campaignOut.CombineWithFilePath("serial.log").FullPath, Log());
    Information($"kernel panics: {(panic ? 1 : 0)}, kernel hangs: {(hang && !panic && !done ? 1 : 0)} (serial log: {campaignOut}/serial.log)");
    if (!done)
        throw new Exception(panic ? "the kernel panicked during the campaign" : hang ? $"no serial output for {hangSeconds} s: the kernel hung" : "QEMU ended before the campaign did");
});

Task("PacketFuzz")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Issue 17 item 4: `./build.sh packetfuzz N SEED` boots QEMU, waits for DHCP, sends N fuzzed frames
    // (tools/PacketFuzz, seed SEED) over a loopback UDP socket netdev, then checks an HTTP download,
    // the net and e1000 processes and memory (tests/CosmosHybrid.BootTests/PacketFuzzTests.Campaign).
    DotNetTest(root.CombineWithFilePath("tests/CosmosHybrid.BootTests/CosmosHybrid.BootTests.csproj").FullPath, new DotNetTestSettings
    {
        Configuration = "Release",
        NoLogo = true,
        Filter = "FullyQualifiedName~PacketFuzzTests.Campaign",
        Loggers = new[] { "console;verbosity=normal" },
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["COSMOSHYBRID_OUT"] = outDir.FullPath,
            ["PACKETFUZZ_FRAMES"] = Argument("frames", "1000000"),
            ["PACKETFUZZ_SEED"] = Argument("seed", "1"),
        },
    });
});

Task("Clean").Does(() =>
{
    CleanDirectory(outDir);
    CleanDirectories(root.FullPath + "/**/bin");
    CleanDirectories(root.FullPath + "/**/obj");
});

// ./build.sh fuzz MODE N SEED [--threads=T] [--hang=SECONDS]: boots the ISO headless (an e1000 with no
// network peer, so every service runs), starts echo, runs `fuzz MODE N SEED` at the serial shell and
// watches: a kernel panic report, or no output for --hang seconds (a hang), fails the run; so does a
// campaign that reports a failure or a shell that no longer answers. Log: out/fuzz/fuzz-MODE-N-SEED.log.
Task("Fuzz")
    .IsDependentOn("Build")
    .Does(() =>
{
    var mode = Argument("mode", "syscalls");
    var count = Argument("count", "20000");
    var seed = Argument("seed", "1");
    var threads = Argument("threads", "");
    var hangSeconds = Argument("hang", 120);
    var fuzzIso = BootOnlyIso("fuzz", "init=init,/etc/console-services");
    var fuzzOut = outDir.Combine("fuzz");
    EnsureDirectoryExists(fuzzOut);
    var logPath = fuzzOut.CombineWithFilePath($"fuzz-{mode}-{count}-{seed}.log");

    var start = new System.Diagnostics.ProcessStartInfo("qemu-system-x86_64",
        $"-machine pc -cpu max -m 512 -smp 1 -no-reboot -display none -monitor none -serial stdio -nic none -device e1000 -cdrom \"{fuzzIso}\"")
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    var log = new System.Text.StringBuilder();
    var lastOutput = DateTime.UtcNow;
    using var qemu = System.Diagnostics.Process.Start(start);
    var reader = new System.Threading.Thread(() =>
    {
        var buffer = new char[4096];
        int read;
        while ((read = qemu.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            lock (log) { log.Append(buffer, 0, read); lastOutput = DateTime.UtcNow; }
    }) { IsBackground = true };
    reader.Start();
    string Log() { lock (log) return log.ToString(); }
    // Waits for TEXT after FROM; null when it came, else why not (panic, hang, QEMU gone).
    string WaitFor(string text, int from, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            string current = Log();
            if (current.IndexOf(text, Math.Min(from, current.Length), StringComparison.Ordinal) >= 0)
                return null;
            if (current.Contains("KERNEL PANIC"))
                return "KERNEL PANIC";
            if (qemu.HasExited)
                return "QEMU exited";
            DateTime last;
            lock (log) last = lastOutput;
            if (DateTime.UtcNow - last > TimeSpan.FromSeconds(hangSeconds))
                return $"HANG (no output for {hangSeconds} s)";
            if (DateTime.UtcNow > deadline)
                return "time-out";
            System.Threading.Thread.Sleep(200);
        }
    }
    void Send(string line) { qemu.StandardInput.Write(line + "\r"); qemu.StandardInput.Flush(); }

    string verdict = WaitFor("CosmosHybrid shell (ring 3", 0, TimeSpan.FromMinutes(5));
    if (verdict == null)
    {
        Send("spawn echo");
        verdict = WaitFor("echo: serving", 0, TimeSpan.FromMinutes(1));
    }
    var watch = System.Diagnostics.Stopwatch.StartNew();
    int campaignStart = Log().Length;
    if (verdict == null)
    {
        Send($"fuzz {mode} {count} {seed} {threads}".TrimEnd());
        verdict = WaitFor("fuzz: done", campaignStart, TimeSpan.FromDays(1));
    }
    watch.Stop();
    if (verdict == null)
    {
        // Does the shell still answer?
        int before = Log().Length;
        Send("ps");
        verdict = WaitFor(" shell ", before + 3, TimeSpan.FromMinutes(1)) == null ? null : "the shell did not answer after the campaign";
    }
    System.Threading.Thread.Sleep(500);
    if (!qemu.HasExited)
        qemu.Kill();
    string all = Log();
    System.IO.File.WriteAllText(logPath.FullPath, all);
    foreach (var line in all.Substring(Math.Min(campaignStart, all.Length)).Split('\n'))
        if (line.StartsWith("fuzz:"))
            Information(line.TrimEnd());
    bool failed = verdict != null || all.Contains("fuzz: done, FAILED");
    Information($"fuzz {mode} {count} {seed}: {(verdict ?? (failed ? "campaign reported a failure" : "no panic, no hang"))}, "
        + $"{watch.Elapsed.TotalSeconds:F0} s; serial log {root.GetRelativePath(logPath)}");
    if (failed)
        throw new Exception($"fuzz {mode} {count} {seed}: " + (verdict ?? "the campaign reported a failure"));
});

// Issue 17 item 5: `./build.sh powercut N SEED` runs N power cuts (cut i: seed SEED + i): a fresh FAT32 image,
// a boot, `usertest powercut SEED+i`, SIGKILL to QEMU at a seeded moment, then tools/PowerCut judges the image
// (fsck.fat -n, fsck.fat -a on a copy, every synced file read back with mtools) and prints the campaign's table
// (tests/CosmosHybrid.BootTests/PowerCutTests.Campaign). A failed cut's image and serial log stay in out/powercut/.
Task("PowerCut")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(root.CombineWithFilePath("tests/CosmosHybrid.BootTests/CosmosHybrid.BootTests.csproj").FullPath, new DotNetTestSettings
    {
        Configuration = "Release",
        NoLogo = true,
        Filter = "FullyQualifiedName~PowerCutTests.Campaign",
        Loggers = new[] { "console;verbosity=normal" },
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["COSMOSHYBRID_OUT"] = outDir.FullPath,
            ["POWERCUT_CUTS"] = Argument("cuts", "50"),
            ["POWERCUT_SEED"] = Argument("seed", "1"),
        },
    });
});

// Source-level debugging (issue 16): `./build.sh debug [--program NAME] [--gdb-port N] [--cmdline "..."] [--gui]`.
// out/debug/ holds a debug variant of the kernel (ILC -g without -O, so arguments and locals live on the stack and
// lines step in order), its symbol map, a copy of the ISO's boot files with that kernel, and with --program NAME the program
// built with -g. The normal build stays as it is. `debug` boots it with QEMU's gdb stub, halted at reset, and starts
// gdb with tools/gdb/cosmoshybrid.py (cs-break, cs-program): README "Debugging with gdb".
var debugDir = outDir.Combine("debug");
var debugObjDir = debugDir.Combine("obj");
var debugKernelElf = debugDir.CombineWithFilePath("kernel.elf");
var debugIsoRoot = debugDir.Combine("isoroot");
var debugProgram = Argument("program", "");
var gdbPort = Argument("gdb-port", 1234);
var kernelCommandLine = Argument("cmdline", "");

Task("Debug-Build")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(debugObjDir);
    var debugKernelObject = debugObjDir.CombineWithFilePath("kernel.o");
    if (!IsUpToDate(debugKernelObject, kernelDll))
    {
        // --preinitstatics (which -O implies): the kernel needs its static data laid out at compile time; without it
        // class constructors run at boot before there is a heap, and the first one faults.
        Information("ilc -g (no -O): kernel.dll -> out/debug/obj/kernel.o");
        Run(IlcPath(), $"\"{kernelDll}\" -o \"{debugKernelObject}\" --systemmodule:kernel --targetos:linux --targetarch:x64 --noinlinetls --nativelib -g --preinitstatics");
    }
    // The same assembly objects as the normal kernel (Kernel-Native assembled them with -g).
    var objects = new List<FilePath> { debugKernelObject };
    foreach (var source in GetFiles(root.FullPath + "/CosmosHybrid/**/*.asm").Concat(GetFiles(root.FullPath + "/Drivers/**/*.asm")))
        objects.Add(objDir.CombineWithFilePath(source.GetFilenameWithoutExtension() + ".o"));
    if (!IsUpToDate(debugKernelElf, objects.Append(linkerScript).ToArray()))
    {
        // linker.ld keeps .eh_frame and, as orphan sections, .debug_*: gdb reads both from this file.
        Information("ld: out/debug/kernel.elf");
        Run("ld", $"-n --no-warn-rwx-segments -z noexecstack -T \"{linkerScript}\" -o \"{debugKernelElf}\" "
            + string.Join(" ", objects.Select(o => $"\"{o}\"")));
    }
    var debugSymbols = debugDir.CombineWithFilePath("kernel.sym");
    if (!IsUpToDate(debugSymbols, debugKernelElf))
        System.IO.File.WriteAllText(debugSymbols.FullPath, Capture("nm", $"-n --defined-only \"{debugKernelElf}\""));

    // The ISO's boot files with the debug kernel and its symbol map in place of the normal ones.
    var boot = debugIsoRoot.Combine("boot");
    EnsureDirectoryExists(boot);
    MirrorBootFiles(boot);
    CopyIfChanged(debugKernelElf, boot.CombineWithFilePath("kernel.elf"));
    CopyIfChanged(debugSymbols, boot.CombineWithFilePath("kernel.sym"));

    if (debugProgram != "")
        BuildDebugProgram(debugProgram);
});

Task("Debug")
    .IsDependentOn("Debug-Build")
    .Does(() =>
{
    var debugRootDir = debugDir.Combine("iso");
    EnsureDirectoryExists(debugRootDir.Combine("boot/grub"));
    foreach (var file in GetFiles(debugIsoRoot.FullPath + "/boot/*.*"))
        CopyIfChanged(file, debugRootDir.Combine("boot").CombineWithFilePath(file.GetFilename()));
    var modules = string.Join("", GetFiles(debugIsoRoot.FullPath + "/boot/*.*").Select(f => f.GetFilename().FullPath)
        .Where(f => f != "kernel.elf").Select(f => $"    module2 /boot/{f} {f}\n"));
    var config = $"set timeout=0\n{GrubVideo}\nmenuentry \"CosmosHybrid debug\" {{\n"
        + $"    multiboot2 /boot/kernel.elf {kernelCommandLine}\n" + modules + "    boot\n}\n";
    var configPath = debugRootDir.Combine("boot/grub").CombineWithFilePath("grub.cfg");
    if (!FileExists(configPath) || System.IO.File.ReadAllText(configPath.FullPath) != config)
        System.IO.File.WriteAllText(configPath.FullPath, config);
    var debugIso = debugDir.CombineWithFilePath("cosmoshybrid-debug.iso");
    if (!IsUpToDate(debugIso, GetFiles(debugRootDir.FullPath + "/**/*").ToArray()))
        Run("grub-mkrescue", $"{GrubMkrescueOptions} -o \"{debugIso}\" \"{debugRootDir}\"", quiet: true);

    // QEMU halted at reset (-S) with its gdb stub on localhost; the serial console on a UNIX socket, since gdb has the terminal.
    var serialSocket = debugDir.CombineWithFilePath("serial.sock");
    var qemuArguments = $"-machine pc -cpu max -m 512 -cdrom \"{debugIso}\" -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 "
        + $"-S -gdb tcp:127.0.0.1:{gdbPort} -chardev socket,id=serial,path=\"{serialSocket}\",server=on,wait=off -serial chardev:serial "
        + (gui ? "" : "-display none ") + "-monitor none";
    Information($"QEMU: gdb stub on 127.0.0.1:{gdbPort}; serial console: socat -,raw,echo=0 UNIX-CONNECT:{root.GetRelativePath(serialSocket)}");
    using var qemu = StartAndReturnProcess("qemu-system-x86_64", new ProcessSettings { Arguments = qemuArguments });
    try
    {
        // gdb gives up at once when nothing listens yet: wait (10 s at most) for QEMU to open the stub.
        for (int attempt = 0; attempt < 100; attempt++)
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try { probe.Connect("127.0.0.1", gdbPort); break; }
            catch (System.Net.Sockets.SocketException) { System.Threading.Thread.Sleep(100); }
        }
        var gdbArguments = $"-q -x \"{root.CombineWithFilePath("tools/gdb/cosmoshybrid.py")}\" -ex \"target remote 127.0.0.1:{gdbPort}\" ";
        if (debugProgram != "")
            gdbArguments += $"-ex \"cs-program {debugProgram}\" ";
        StartProcess("gdb", new ProcessSettings { Arguments = gdbArguments + $"\"{debugKernelElf}\"" });
    }
    finally
    {
        qemu.Kill();
    }
});

// out/debug/NAME.elf: ring-3 program NAME as the Programs task builds it (same -O, same objects), plus ILC's -g
// debug information. -g changes some of the code ILC emits, so this file (and its symbol map) replaces the boot
// module NAME.elf in out/debug/isoroot: a program started by name runs it; /bin/NAME.elf on the root file system
// stays the normal build.
void BuildDebugProgram(string name)
{
    var programObj = objDir.Combine(name);
    var elf = outDir.CombineWithFilePath(name + ".elf");
    if (!FileExists(elf))
        throw new Exception($"no ring-3 program '{name}' (no {root.GetRelativePath(elf)})");
    var project = GetFiles(root.FullPath + "/Services/*/*.csproj")
        .First(p => System.IO.File.ReadAllText(p.FullPath).Contains($"<AssemblyName>{name}</AssemblyName>"));
    var dll = project.GetDirectory().CombineWithFilePath($"bin/Release/net10.0/{name}.dll");
    var debugObj = debugObjDir.Combine(name);
    EnsureDirectoryExists(debugObj);
    var obj = debugObj.CombineWithFilePath(name + ".o");
    if (!IsUpToDate(obj, dll))
    {
        Information($"ilc -g: {name}.dll -> out/debug/obj/{name}/{name}.o");
        Run(IlcPath(), $"\"{dll}\" -o \"{obj}\" --systemmodule:{name} --targetos:linux --targetarch:x64 --noinlinetls -O --nativelib -g");
    }
    // The assembly objects Programs made for it.
    var objects = new List<FilePath> { obj };
    objects.AddRange(GetFiles(programObj.FullPath + "/*.o").Where(o => o.GetFilename().FullPath != name + ".o"));
    var debugElf = debugDir.CombineWithFilePath(name + ".elf");
    var script = root.CombineWithFilePath("Services/UserRuntime/user.ld");
    if (!IsUpToDate(debugElf, objects.Append(script).ToArray()))
    {
        Information($"ld: out/debug/{name}.elf");
        Run("ld", $"-static -z max-page-size=4096 -z noexecstack -z norelro -T \"{script}\" -o \"{debugElf}\" "
            + string.Join(" ", objects.Select(o => $"\"{o}\"")));
    }
    var debugSymbols = debugDir.CombineWithFilePath(name + ".sym");
    if (!IsUpToDate(debugSymbols, debugElf))
        System.IO.File.WriteAllText(debugSymbols.FullPath, Capture("nm", $"-n --defined-only \"{debugElf}\""));
    CopyIfChanged(debugElf, debugIsoRoot.Combine("boot").CombineWithFilePath(name + ".elf"));
    CopyIfChanged(debugSymbols, debugIsoRoot.Combine("boot").CombineWithFilePath(name + ".sym"));
}

// ./build.sh netbench (issue 12, "Measure"): boots the ISO with the QEMU flags of Linux's figures in
// tools/NetBench/linux-qemu-net.txt (a copy of ../shared/perf's), starts httpd on a data disk and measures
// from the host: QEMU start to first HTTP 200, 1 KiB requests/s, 16 MiB down and up, ping RTT; prints the table.
// --quick: only the first 200 (with the serial log's timeline) and the request rates.
Task("NetBench")
    .IsDependentOn("Build")
    .Does(() =>
{
    var netbenchIso = BootOnlyIso("netbench", "");
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("run").Append("-c").Append("Release").Append("--project")
            .AppendQuoted(root.CombineWithFilePath("tools/NetBench/NetBench.csproj").FullPath).Append("--")
            .AppendQuoted(netbenchIso.FullPath).AppendQuoted(outDir.Combine("netbench").FullPath)
            .AppendQuoted(Argument("linux", root.CombineWithFilePath("tools/NetBench/linux-qemu-net.txt").FullPath))
            .Append(HasArgument("icount") ? "--icount" : HasArgument("quick") ? "--quick" : ""),
    });
    if (exit != 0)
        throw new Exception($"netbench failed (exit {exit})");
});

// `./build.sh runtimebench`: the runtime rows of `./build.sh bench` (exceptions, locks, floating-point text)
// measured on .NET 10 on the host (tools/RuntimeBench, wall-clock ns per operation), for orientation (issue 15).
Task("RuntimeBench")
    .Does(() =>
{
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("run").Append("-c").Append("Release").Append("--project")
            .AppendQuoted(root.CombineWithFilePath("tools/RuntimeBench/RuntimeBench.csproj").FullPath),
    });
    if (exit != 0)
        throw new Exception($"runtimebench failed (exit {exit})");
});

RunTarget(target);

// ---------------------------------------------------------------------------

// `nm -n` of an image without the symbols no lookup asks for (SymbolTable names code and types, _ZTV*): exception
// tables, generic dictionaries, dispatch cells and maps, statics' bases, frozen objects. A third of the bytes of
// every map, which GRUB reads at boot through the BIOS (its slowest part: about 1.5 MiB fewer over all maps).
string SymbolMap(FilePath elf)
{
    string[] unnamed = { "_lsda", "__GenericDict_", "__InterfaceDispatchCell_", "__InterfaceDispatchMap_", "__ehinfo_", "__GCSTATICS",
        "__NONGCSTATICS", "__THREADSTATICS", "__FrozenObj_", "_associatedData", "__SealedVTable" };
    // A line is "ADDRESS TYPE NAME".
    var lines = Capture("nm", $"-n --defined-only \"{elf}\"").Split('\n')
        .Where(line =>
        {
            string[] fields = line.Split(' ', 3);
            return fields.Length < 3 || !unnamed.Any(prefix => fields[2].StartsWith(prefix, StringComparison.Ordinal));
        });
    return string.Join("\n", lines);
}

string IlcPath()
{
    var packages = EnvironmentVariable("NUGET_PACKAGES")
        ?? System.IO.Path.Combine(EnvironmentVariable("HOME"), ".nuget", "packages");
    var ilc = System.IO.Path.Combine(packages, "runtime.linux-x64.microsoft.dotnet.ilcompiler", IlcVersion, "tools", "ilc");
    if (!System.IO.File.Exists(ilc))
        throw new Exception($"ilc {IlcVersion} not found at {ilc}: the kernel project's restore should have downloaded it from NuGet.");
    return ilc;
}

bool IsOnPath(string tool) =>
    (EnvironmentVariable("PATH") ?? "").Split(':').Any(dir => System.IO.File.Exists(System.IO.Path.Combine(dir, tool)));

bool IsUpToDate(FilePath output, params FilePath[] inputs)
{
    if (!FileExists(output))
        return false;
    var built = System.IO.File.GetLastWriteTimeUtc(output.FullPath);
    return inputs.All(input => System.IO.File.GetLastWriteTimeUtc(input.FullPath) <= built);
}

// A copy keeps its source's time stamp, so "same size and same time" means "same file";
// "newer than the source" would miss a source swapped for an older file (a new font path).
void CopyIfChanged(FilePath source, FilePath destination)
{
    var from = new System.IO.FileInfo(source.FullPath);
    var to = new System.IO.FileInfo(destination.FullPath);
    if (!to.Exists || to.Length != from.Length || to.LastWriteTimeUtc != from.LastWriteTimeUtc)
        CopyFile(source, destination);
}

// Runs a tool (found on PATH or in /usr/sbin, /sbin); `quiet` hides its output unless it fails.
void Run(string tool, string arguments, bool quiet = false)
{
    var settings = new ProcessSettings { Arguments = arguments, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
    settings.EnvironmentVariables = new Dictionary<string, string> { ["MTOOLS_SKIP_CHECK"] = "1" };
    var path = ToolPath(tool);
    if (!quiet)
    {
        var status = StartProcess(path, settings);
        if (status != 0)
            throw new Exception($"{tool} failed with exit code {status}");
        return;
    }
    var exit = StartProcess(path, settings, out var output, out var errors);
    if (exit != 0)
        throw new Exception($"{tool} failed with exit code {exit}:\n" + string.Join("\n", output.Concat(errors)));
}

// System tools such as mkfs.fat live in /usr/sbin, which is not on a normal user's PATH.
string ToolPath(string tool)
{
    if (tool.Contains('/') || IsOnPath(tool))
        return tool;
    foreach (var directory in new[] { "/usr/sbin", "/sbin" })
    {
        if (System.IO.File.Exists(System.IO.Path.Combine(directory, tool)))
            return System.IO.Path.Combine(directory, tool);
    }
    return tool;
}

// "PortReplyWait" -> "PORT_REPLY_WAIT": a C# member name as an assembler constant.
string ConstantName(string name) =>
    System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_").ToUpperInvariant();

string Capture(string tool, string arguments)
{
    var exit = StartProcess(tool, new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true }, out var lines);
    if (exit != 0)
        throw new Exception($"{tool} failed with exit code {exit}");
    return string.Join("\n", lines) + "\n";
}
