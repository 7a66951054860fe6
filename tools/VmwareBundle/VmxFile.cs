using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.Tools.VmwareBundle;

/// <summary>
/// A VMware virtual machine configuration (.vmx): ordered `key = "value"` lines. The machine
/// is what CosmosHybrid has drivers for: guest "other-64", an e1000 NIC, the ISO and a data disk
/// on a SATA (AHCI) controller, PS/2 keyboard and mouse (USB input off), COM1 to a file.
/// </summary>
public sealed class VmxFile
{
    private readonly List<KeyValuePair<string, string>> _entries = new();

    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    public string this[string key]
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (entry.Key == key)
                    return entry.Value;
            }
            return null;
        }
    }

    public void Set(string key, string value)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key == key)
            {
                _entries[i] = new KeyValuePair<string, string>(key, value);
                return;
            }
        }
        _entries.Add(new KeyValuePair<string, string>(key, value));
    }

    /// <param name="name">The display name.</param>
    /// <param name="efi">UEFI firmware instead of BIOS.</param>
    /// <param name="isoFileName">The CD image, relative to the .vmx.</param>
    /// <param name="diskFileName">The data disk, relative to the .vmx.</param>
    /// <param name="serialFileName">Where COM1 (the kernel log and serial shell) is written.</param>
    public static VmxFile ForCosmosHybrid(string name, bool efi, string isoFileName, string diskFileName, string serialFileName)
    {
        var vmx = new VmxFile();
        vmx.Set(".encoding", "UTF-8");
        vmx.Set("config.version", "8");
        vmx.Set("virtualHW.version", "14");   // Workstation 14, Player 14, Fusion 10 and later
        vmx.Set("displayName", name);
        vmx.Set("guestOS", "other-64");
        vmx.Set("firmware", efi ? "efi" : "bios");
        vmx.Set("memsize", "512");
        vmx.Set("numvcpus", "1");
        vmx.Set("svga.present", "TRUE");

        vmx.Set("sata0.present", "TRUE");
        vmx.Set("sata0:0.present", "TRUE");
        vmx.Set("sata0:0.deviceType", "cdrom-image");
        vmx.Set("sata0:0.fileName", isoFileName);
        vmx.Set("sata0:0.startConnected", "TRUE");
        vmx.Set("sata0:1.present", "TRUE");
        vmx.Set("sata0:1.deviceType", "disk");
        vmx.Set("sata0:1.fileName", diskFileName);
        vmx.Set("bios.bootOrder", "cdrom,hdd");

        vmx.Set("ethernet0.present", "TRUE");
        vmx.Set("ethernet0.virtualDev", "e1000");
        vmx.Set("ethernet0.connectionType", "nat");
        vmx.Set("ethernet0.addressType", "generated");

        // PS/2 input: the ring-3 i8042 driver; VMware would otherwise attach USB HID devices.
        vmx.Set("usb.present", "FALSE");
        vmx.Set("keyboard.vusb.enable", "FALSE");
        vmx.Set("mouse.vusb.enable", "FALSE");

        vmx.Set("serial0.present", "TRUE");
        vmx.Set("serial0.fileType", "file");
        vmx.Set("serial0.fileName", serialFileName);
        vmx.Set("serial0.tryNoRxLoss", "FALSE");
        return vmx;
    }

    /// <summary>The file's text: one `key = "value"` per line, values escaped as VMware reads them.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var entry in _entries)
            text.Append(entry.Key).Append(" = \"").Append(entry.Value.Replace("|", "|7C").Replace("\"", "|22")).Append("\"\n");
        return text.ToString();
    }

    /// <summary>Reads `key = "value"` lines back (for tests and for a user's edited file).</summary>
    public static VmxFile Parse(string text)
    {
        var vmx = new VmxFile();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            int equals = line.IndexOf('=');
            if (line.Length == 0 || line[0] == '#' || equals < 0)
                continue;
            string value = line.Substring(equals + 1).Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                value = value.Substring(1, value.Length - 2);
            vmx.Set(line.Substring(0, equals).Trim(), value.Replace("|22", "\"").Replace("|7C", "|"));
        }
        return vmx;
    }
}
