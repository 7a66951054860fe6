using System.Collections.Generic;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>
/// Reads /etc/services (format in README, "Services manifest"): a `service NAME` line opens an
/// entry, the key lines after it (`run`, `device`, `name`, `rights`, `restart`, `after`,
/// `handles`, `threads`, `ping`, `key`) fill it. A line `fs:PATH=ring3` (or `=kernel`) stands on its own,
/// anywhere: who serves the volume at PATH (<see cref="PlacementLine"/>). `#` starts a comment. A
/// malformed line is reported with its number and skipped; a service without a `run` line is dropped.
/// Pure logic, host-tested.
/// </summary>
internal static class ManifestParser
{
    /// <summary>The largest quota a manifest may ask for (the kernel caps it further).</summary>
    public const int MaxQuota = 65536;

    /// <summary>The shortest and longest liveness time-outs a `ping` line may give.</summary>
    public const int MinPingMilliseconds = 50;
    public const int MaxPingMilliseconds = 600_000;

    /// <summary>How a placement line starts (<c>fs:/disk=ring3</c>), as the boot option does.</summary>
    public const string PlacementPrefix = "fs:";

    public static ServiceManifest Parse(string text)
    {
        var manifest = new ServiceManifest();
        ServiceEntry current = null;
        bool skipping = false;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
                continue;
            List<string> words = SplitWords(line);
            string key = words[0];
            if (key.StartsWith(PlacementPrefix))
            {
                string wrong = AddPlacement(manifest, words, number);
                if (wrong != null)
                    Report(manifest, number, wrong);
                continue;
            }
            if (key == "service")
            {
                Close(manifest, current);
                current = null;
                skipping = false;
                if (words.Count != 2 || !IsName(words[1]))
                {
                    Report(manifest, number, "'service' needs one name (letters, digits, '-', '_')");
                    skipping = true;
                }
                else if (manifest.Find(words[1]) != null)
                {
                    Report(manifest, number, "service '" + words[1] + "' is listed twice");
                    skipping = true;
                }
                else
                {
                    current = new ServiceEntry(words[1], number);
                    manifest.Services.Add(current);
                }
                continue;
            }
            if (current == null)
            {
                if (!skipping)
                    Report(manifest, number, "'" + key + "' outside a service (start with 'service NAME')");
                continue;
            }
            string problem = Apply(current, key, words, line);
            if (problem != null)
                Report(manifest, number, problem);
        }
        Close(manifest, current);
        return manifest;
    }

    /// <summary>Two-digit or four-digit lowercase hexadecimal.</summary>
    public static string Hex(int value, int digits)
    {
        const string alphabet = "0123456789abcdef";
        char[] text = new char[digits];
        for (int i = digits - 1; i >= 0; i--)
        {
            text[i] = alphabet[value & 15];
            value >>= 4;
        }
        return new string(text);
    }

    public static bool TryParseRight(string word, out HandleRights right)
    {
        right = word switch
        {
            "poweroff" => HandleRights.PowerOff,
            "killany" => HandleRights.KillAny,
            "devices" => HandleRights.Devices,
            "reservenames" => HandleRights.ReserveNames,
            "raisequotas" => HandleRights.RaiseQuotas,
            "consoleinput" => HandleRights.ConsoleInput,
            "faultinject" => HandleRights.FaultInject,
            _ => HandleRights.None,
        };
        return right != HandleRights.None;
    }

    public static bool TryParseDevice(string word, out DeviceSelector selector)
    {
        selector = default;
        if (word.StartsWith("class="))
        {
            string digits = word.Substring(6);
            if ((digits.Length != 2 && digits.Length != 4) || !TryParseHex(digits.Substring(0, 2), out int classCode))
                return false;
            int subclass = -1;
            if (digits.Length == 4 && !TryParseHex(digits.Substring(2, 2), out subclass))
                return false;
            selector = new DeviceSelector(DeviceSelectorKind.PciClass, classCode, subclass, 0, 0, null);
            return true;
        }
        if (word.StartsWith("pci="))
        {
            string pair = word.Substring(4);
            if (pair.Length != 9 || pair[4] != ':' || !TryParseHex(pair.Substring(0, 4), out int vendor)
                || !TryParseHex(pair.Substring(5, 4), out int device))
                return false;
            selector = new DeviceSelector(DeviceSelectorKind.PciId, 0, 0, vendor, device, null);
            return true;
        }
        if (word.StartsWith("disk=/"))
        {
            // The disk the kernel set aside for a mount point (boot option fs:/disk=ring3), as a block handle.
            string mountPoint = word.Substring(5);
            for (int i = 1; i < mountPoint.Length; i++)
            {
                if (!IsName(mountPoint.Substring(i, 1)))
                    return false;
            }
            if (mountPoint.Length < 2)
                return false;
            selector = new DeviceSelector(DeviceSelectorKind.Disk, 0, 0, 0, 0, mountPoint);
            return true;
        }
        if (!IsName(word))
            return false;
        selector = new DeviceSelector(DeviceSelectorKind.Legacy, 0, 0, 0, 0, word);
        return true;
    }

    /// <summary>
    /// Reads <c>fs:PATH=ring3</c> or <c>fs:PATH=kernel</c>: PATH absolute, its parts names,
    /// no trailing '/' (except "/" itself).
    /// </summary>
    public static bool TryParsePlacement(string word, out string path, out bool ringThree)
    {
        path = null;
        ringThree = false;
        int equals = word.LastIndexOf('=');
        if (!word.StartsWith(PlacementPrefix) || equals <= PlacementPrefix.Length)
            return false;
        string placement = word.Substring(equals + 1);
        if (placement != "ring3" && placement != "kernel")
            return false;
        string candidate = word.Substring(PlacementPrefix.Length, equals - PlacementPrefix.Length);
        if (candidate[0] != '/' || (candidate.Length > 1 && candidate[candidate.Length - 1] == '/'))
            return false;
        int start = 1;
        for (int i = 1; i <= candidate.Length; i++)
        {
            if (i < candidate.Length && candidate[i] != '/')
                continue;
            string part = candidate.Substring(start, i - start);
            if (candidate.Length > 1 && (!IsName(part) || part == "." || part == ".."))
                return false;
            start = i + 1;
        }
        path = candidate;
        ringThree = placement == "ring3";
        return true;
    }

    // Null when the placement line was taken, else what is wrong with it.
    private static string AddPlacement(ServiceManifest manifest, List<string> words, int number)
    {
        if (words.Count != 1 || !TryParsePlacement(words[0], out string path, out bool ringThree))
            return "a placement line is one word fs:PATH=ring3 or fs:PATH=kernel (PATH absolute, as /disk)";
        for (int i = 0; i < manifest.Placements.Count; i++)
        {
            if (manifest.Placements[i].Path == path)
                return "a second placement for " + path + " (line " + manifest.Placements[i].Line.ToString() + " stands)";
        }
        manifest.Placements.Add(new PlacementLine(path, ringThree, number));
        return null;
    }

    // Null when the line applied, else what is wrong with it.
    private static string Apply(ServiceEntry service, string key, List<string> words, string line)
    {
        switch (key)
        {
            case "run":
                if (words.Count < 2)
                    return "'run' needs a program";
                if (service.CommandLine != null)
                    return "a second 'run' line";
                service.CommandLine = line.Substring(3).Trim();
                return null;
            case "device":
                if (words.Count < 2)
                    return "'device' needs a selector (class=CC[SS], pci=VVVV:DDDD, disk=/MOUNTPOINT or a legacy name)";
                for (int i = 1; i < words.Count; i++)
                {
                    if (!TryParseDevice(words[i], out _))
                        return "bad device selector '" + words[i] + "'";
                }
                for (int i = 1; i < words.Count; i++)
                {
                    TryParseDevice(words[i], out DeviceSelector selector);
                    service.Devices.Add(selector);
                }
                return null;
            case "name":
                if (words.Count < 2)
                    return "'name' needs a port name";
                for (int i = 1; i < words.Count; i++)
                {
                    if (!IsName(words[i]) || words[i].Length > 32)
                        return "bad port name '" + words[i] + "'";
                }
                for (int i = 1; i < words.Count; i++)
                    service.Names.Add(words[i]);
                return null;
            case "rights":
                if (words.Count < 2)
                    return "'rights' needs at least one right";
                HandleRights rights = HandleRights.None;
                for (int i = 1; i < words.Count; i++)
                {
                    if (!TryParseRight(words[i], out HandleRights right))
                        return "unknown right '" + words[i] + "' (poweroff, killany, devices, reservenames, raisequotas, consoleinput, faultinject)";
                    rights |= right;
                }
                service.Rights |= rights;
                return null;
            case "restart":
                if (words.Count != 2 || (words[1] != "yes" && words[1] != "no"))
                    return "'restart' takes yes or no";
                service.Restart = words[1] == "yes";
                return null;
            case "needs-device":
                if (words.Count != 2 || (words[1] != "yes" && words[1] != "no"))
                    return "'needs-device' takes yes or no";
                service.NeedsDevice = words[1] == "yes";
                return null;
            case "after":
                if (words.Count < 2)
                    return "'after' needs a service name";
                for (int i = 1; i < words.Count; i++)
                {
                    if (!IsName(words[i]))
                        return "bad service name '" + words[i] + "'";
                }
                for (int i = 1; i < words.Count; i++)
                    service.After.Add(words[i]);
                return null;
            case "ping":
                if (words.Count != 3 || !IsName(words[1]) || words[1].Length > 32)
                    return "'ping' takes a port name and a time-out in milliseconds";
                if (!int.TryParse(words[2], out int timeout) || timeout < MinPingMilliseconds || timeout > MaxPingMilliseconds)
                    return "'ping' time-out must be from " + MinPingMilliseconds.ToString() + " to " + MaxPingMilliseconds.ToString() + " ms";
                service.PingPort = words[1];
                service.PingTimeoutMilliseconds = timeout;
                return null;
            case "key":
                if (words.Count != 2 || !IsName(words[1]) || words[1].Length > 32)
                    return "'key' takes a name (services with the same key name get the same key)";
                if (service.KeyName != null)
                    return "a second 'key' line";
                service.KeyName = words[1];
                return null;
            case "handles":
            case "threads":
                if (words.Count != 2 || !int.TryParse(words[1], out int quota) || quota < 1 || quota > MaxQuota)
                    return "'" + key + "' takes a number from 1 to " + MaxQuota.ToString();
                if (key == "handles")
                    service.HandleLimit = quota;
                else
                    service.ThreadLimit = quota;
                return null;
            default:
                return "unknown key '" + key + "'";
        }
    }

    // A service that never got a run line cannot start.
    private static void Close(ServiceManifest manifest, ServiceEntry service)
    {
        if (service != null && service.CommandLine == null)
        {
            Report(manifest, service.Line, "service '" + service.Name + "' has no 'run' line; skipped");
            manifest.Services.Remove(service);
        }
    }

    private static void Report(ServiceManifest manifest, int line, string message) =>
        manifest.Errors.Add(new ManifestError(line, message));

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        string kept = hash < 0 ? line : line.Substring(0, hash);
        return kept.Replace('\r', ' ').Replace('\t', ' ');
    }

    private static List<string> SplitWords(string line)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= line.Length; i++)
        {
            bool space = i == line.Length || line[i] == ' ';
            if (space && start >= 0)
            {
                words.Add(line.Substring(start, i - start));
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }
        return words;
    }

    private static bool IsName(string word)
    {
        if (word.Length == 0)
            return false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
                return false;
        }
        return true;
    }

    private static bool TryParseHex(string digits, out int value)
    {
        value = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            char c = digits[i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
                return false;
            value = value * 16 + digit;
        }
        return digits.Length > 0;
    }
}
