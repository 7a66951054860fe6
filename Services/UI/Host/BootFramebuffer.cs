using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UI.Host;

/// <summary>
/// The boot framebuffer through a device handle (init hands it: manifest `device framebuffer`):
/// its mode from DeviceList, its memory mapped by DeviceMap (write-combining where the CPU has
/// the PAT). Mapping it is what makes the kernel stop drawing its console there.
/// </summary>
internal static unsafe class BootFramebuffer
{
    /// <summary>Maps the framebuffer behind <paramref name="device"/>; false with a reason when it cannot be used.</summary>
    public static bool TryOpen(long device, out Framebuffer framebuffer, out string problem)
    {
        framebuffer = default;
        DeviceInfo[] devices = DeviceCalls.List();
        int index = -1;
        for (int i = 0; i < devices.Length; i++)
        {
            if (devices[i].Kind == DeviceKind.Framebuffer)
                index = i;
        }
        if (index < 0)
        {
            problem = "no framebuffer (text mode or headless)";
            return false;
        }
        DeviceInfo info = devices[index];
        // Multiboot2 type 1: direct RGB. Indexed colours and EGA text are not drawn on.
        if (info.FramebufferType != 1)
        {
            problem = "framebuffer type " + info.FramebufferType.ToString() + " is not direct RGB";
            return false;
        }
        long address = DeviceCalls.Map(device, 0);
        if (address < 0)
        {
            problem = "cannot map the framebuffer (" + ProcessCalls.ErrorText(address) + ")";
            return false;
        }
        if (!Framebuffer.TryCreate((byte*)address, info.FramebufferWidth, info.FramebufferHeight, info.FramebufferPitch, info.FramebufferBitsPerPixel, out framebuffer))
        {
            problem = "unsupported mode " + Describe(info);
            return false;
        }
        problem = null;
        return true;
    }

    public static string Describe(DeviceInfo info) =>
        info.FramebufferWidth.ToString() + "x" + info.FramebufferHeight.ToString() + "x" + info.FramebufferBitsPerPixel.ToString()
        + " pitch " + info.FramebufferPitch.ToString();
}
