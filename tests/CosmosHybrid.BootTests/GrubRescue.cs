namespace CosmosHybrid.BootTests;

/// <summary>
/// How the test ISOs are made, as build.cake makes the build's (GrubMkrescueOptions, GrubVideo): only the GRUB
/// modules the configuration loads, no translations, fonts or themes, and UEFI's framebuffer drivers by name
/// (on BIOS, multiboot2 brings vbe itself).
/// </summary>
internal static class GrubRescue
{
    public const string Options = "--install-modules=\"normal multiboot2 iso9660 test all_video\" --locales= --fonts= --themes=";

    public const string Video = "if [ \"$grub_platform\" = efi ]; then insmod efi_gop; insmod efi_uga; fi\n";
}
