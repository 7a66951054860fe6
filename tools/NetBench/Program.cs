using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading;

namespace CosmosHybrid.Tools.NetBench;

/// <summary>
/// netbench ISO DATA_DIR LINUX_FIGURES: boots ISO as ../shared/perf/linux-qemu-net.txt boots Linux
/// (TCG, -cpu qemu64 -m 512 -smp 1, e1000 on user-mode networking with hostfwd to port 80; here
/// restrict=on as well, so nothing leaves the machine, and a FAT data disk at /disk holding the files
/// served), types `spawn httpd /disk 80` at the serial shell as soon as it prompts, and measures from
/// the host: QEMU start to the first HTTP 200, 1 KiB requests per second with a new connection each
/// (one client, then eight), a 16 MiB download and upload, and the guest's ping to the gateway.
/// Prints the table beside the Linux figures. Exit status 1 when a step failed.
/// With --quick (a fourth argument) it stops after the first 200 and the request rates.
/// With --icount (a fourth argument) it boots under -icount shift=0 instead and measures ticks per
/// full-size TCP segment each way, split between driver, shared ring, stack and socket copy (<see cref="SegmentTicks"/>).
/// </summary>
internal static class Program
{
    private const int OneKiB = 1024;
    private const int SixteenMiB = 16 << 20;
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(8);
    private const int MaxProbesInFlight = 8;

    public static int Main(string[] args)
    {
        bool icount = args.Length == 4 && args[3] == "--icount";
        bool quick = args.Length == 4 && args[3] == "--quick";
        if (args.Length != 3 && !icount && !quick)
        {
            Console.Error.WriteLine("usage: NetBench ISO DATA_DIR LINUX_FIGURES [--icount|--quick]");
            return 2;
        }
        string iso = args[0];
        Directory.CreateDirectory(args[1]);
        var linux = LinuxFigures(args[2]);
        byte[] small = RandomBytes(OneKiB, 1);
        byte[] big = RandomBytes(SixteenMiB, 2);
        string disk = DataDisk(args[1], small, big);
        int port = FreeLoopbackPort();

        string qemu = $"-machine pc -cpu qemu64 -m 512 -smp 1 {(icount ? "-icount shift=0 " : "")}-no-reboot -display none -monitor none -serial stdio "
            + $"-nic user,model=e1000,restrict=on,hostfwd=tcp:127.0.0.1:{port}-:80 "
            + $"-drive file=\"{disk}\",format=raw,if=ide,index=0 -cdrom \"{iso}\" -boot order=d";
        Console.WriteLine("qemu-system-x86_64 " + qemu);
        string loadBefore = LoadAverage();
        var rows = new List<(string Name, string Ours, string Linux, string Goal)>();
        bool ok = true;
        using (var guest = new QemuGuest(qemu))
        {
            // The first 200: the host probes while the guest boots; httpd is started at the first prompt.
            // Probes side by side, a new one every 20 ms while fewer than MaxProbesInFlight wait: slirp accepts
            // every connection on the host at once and sends its SYN to the guest, and a SYN sent before the guest
            // has its address waits for slirp's retransmission or the probe's time-out, so one probe at a time
            // would measure that wait. Not more: each waiting probe is an ARP request and SYNs from slirp, and
            // with 100 in flight the burst delayed the guest's DHCP by seconds in some boots.
            double firstOk = -1;
            var poller = new Thread(() =>
            {
                int inFlight = 0;
                while (Volatile.Read(ref firstOk) < 0 && !guest.Exited && guest.Clock.Elapsed < TimeSpan.FromMinutes(3))
                {
                    if (Volatile.Read(ref inFlight) < MaxProbesInFlight)
                    {
                        Interlocked.Increment(ref inFlight);
                        ThreadPool.UnsafeQueueUserWorkItem(_ =>
                        {
                            if (HttpProbe.Get(port, "/1k.bin", 1000).Status == 200)
                                Interlocked.CompareExchange(ref firstOk, guest.Clock.Elapsed.TotalSeconds, -1);
                            Interlocked.Decrement(ref inFlight);
                        }, null);
                    }
                    Thread.Sleep(20);
                }
            }) { IsBackground = true };
            ThreadPool.SetMinThreads(MaxProbesInFlight + 8, 8);
            poller.Start();
            if (guest.WaitFor("$ ", TimeSpan.FromMinutes(3)) < 0)
                return Fail(guest, "no shell prompt");
            double prompt = guest.Clock.Elapsed.TotalSeconds;
            guest.SendLine("spawn httpd /disk 80");
            poller.Join();
            if (firstOk < 0)
                return Fail(guest, "no HTTP 200 from the guest's httpd");
            Console.WriteLine($"shell prompt at {prompt:F2} s, first HTTP 200 at {firstOk:F2} s");
            PrintTimeline(guest, firstOk);
            if (icount)
                return MeasureSegmentTicks(guest, port, big);
            rows.Add(("QEMU start to first HTTP 200 (s)", firstOk.ToString("F2"), linux.GetValueOrDefault("boot_to_first_http_200_s"), "<= 1.5"));

            // Byte-exact first, so that the rates below are of correct answers.
            HttpResult check = HttpProbe.Get(port, "/1k.bin", 10_000);
            if (check.Status != 200 || check.Sha256 != Sha(small))
                return Fail(guest, "/1k.bin came back wrong: " + check.Head);

            (double perSecond, double p50) = Rate(port, 1);
            rows.Add(("HTTP 1 KiB req/s, new connection each, 1 client", perSecond.ToString("F0"), linux.GetValueOrDefault("http_1k_req_per_s_1conn"), ">= 2x Linux"));
            rows.Add(("HTTP 1 KiB p50 latency, 1 client (ms)", p50.ToString("F2"), linux.GetValueOrDefault("http_1k_p50_ms_1conn"), ""));
            (perSecond, _) = Rate(port, 8);
            rows.Add(("HTTP 1 KiB req/s, new connection each, 8 clients", perSecond.ToString("F0"), linux.GetValueOrDefault("http_1k_req_per_s_8conn"), ">= 2x Linux"));

            // The stack's counters after the bursts of new connections: drops and TCP retransmissions explain slow requests.
            Console.WriteLine("ifconfig after the request rates:\n" + (guest.Shell("ifconfig", TimeSpan.FromSeconds(30)) ?? "(no answer)"));
            if (quick)
                return guest.SerialLog.Contains("KERNEL PANIC") ? Fail(guest, "kernel panic") : PrintTable(rows, loadBefore, ok);

            double download = 0;
            for (int run = 0; run < 2; run++)
            {
                HttpResult result = HttpProbe.Get(port, "/big.bin", 300_000);
                if (result.Status != 200 || result.BodyBytes != SixteenMiB || result.Sha256 != Sha(big))
                {
                    ok = false;
                    Console.WriteLine($"16 MiB download {run + 1}: WRONG (status {result.Status}, {result.BodyBytes} bytes)");
                    continue;
                }
                double rate = SixteenMiB / 1e6 / result.Elapsed.TotalSeconds;
                Console.WriteLine($"16 MiB download {run + 1}: {result.Elapsed.TotalSeconds:F2} s, {rate:F1} MB/s (sha256 ok)");
                download = Math.Max(download, rate);
            }
            rows.Add(("16 MiB download (MB/s, best of 2)", download.ToString("F1"), linux.GetValueOrDefault("download_16MiB_MBps"), ">= Linux"));

            HttpResult upload = HttpProbe.Upload(port, SixteenMiB, "/1k.bin", 300_000);
            bool uploaded = upload.Status == 405 && upload.Sha256 == Sha(small);
            double upRate = SixteenMiB / 1e6 / upload.Elapsed.TotalSeconds;
            Console.WriteLine($"16 MiB upload (POST body read and dropped by httpd, then a GET on the same connection): "
                + (uploaded ? $"{upload.Elapsed.TotalSeconds:F2} s, {upRate:F1} MB/s" : "FAILED: " + upload.Head));
            ok &= uploaded;
            rows.Add(("16 MiB upload (MB/s)", uploaded ? upRate.ToString("F1") : "failed", linux.GetValueOrDefault("upload_16MiB_MBps"), ">= Linux"));

            string ping = guest.Shell("ping 10.0.2.2 10", TimeSpan.FromSeconds(60)) ?? "";
            Match rtt = Regex.Match(ping, @"rtt min/avg/max = ([0-9.]+)/([0-9.]+)/([0-9.]+) ms");
            ok &= rtt.Success;
            rows.Add(("ping 10.0.2.2 RTT avg of 10 (ms)", rtt.Success ? rtt.Groups[2].Value : "failed", linux.GetValueOrDefault("ping_gateway_rtt_ms"), ""));
            if (guest.SerialLog.Contains("KERNEL PANIC"))
                return Fail(guest, "kernel panic");
        }

        return PrintTable(rows, loadBefore, ok);
    }

    private static int PrintTable(List<(string Name, string Ours, string Linux, string Goal)> rows, string loadBefore, bool ok)
    {
        Console.WriteLine();
        Console.WriteLine("| measure | CosmosHybrid | Linux 6.1 (same QEMU flags) | goal |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var row in rows)
            Console.WriteLine($"| {row.Name} | {row.Ours} | {row.Linux ?? "-"} | {row.Goal} |");
        Console.WriteLine();
        Console.WriteLine("Wall-time figures on a shared host: compare with Linux measured in the same session.");
        Console.WriteLine("Host load average (1, 5, 15 min) before: " + loadBefore + ", after: " + LoadAverage() + $" ({Environment.ProcessorCount} CPUs).");
        return ok ? 0 : 1;
    }

    // netbench --icount: one download and one upload of 16 MiB, `ifconfig ticks` around each.
    private static int MeasureSegmentTicks(QemuGuest guest, int port, byte[] big)
    {
        if (!SegmentTicks.TryRead(guest, out var start, out string output))
            return Fail(guest, "no ticks line from `ifconfig ticks`: " + output);
        HttpResult download = HttpProbe.Get(port, "/big.bin", 900_000);
        if (download.Status != 200 || download.BodyBytes != SixteenMiB || download.Sha256 != Sha(big))
            return Fail(guest, $"16 MiB download under -icount: status {download.Status}, {download.BodyBytes} bytes");
        if (!SegmentTicks.TryRead(guest, out var downloaded, out output))
            return Fail(guest, "no ticks line after the download: " + output);
        HttpResult upload = HttpProbe.Upload(port, SixteenMiB, "/1k.bin", 900_000);
        if (upload.Status != 405)
            return Fail(guest, "16 MiB upload under -icount: " + upload.Head);
        if (!SegmentTicks.TryRead(guest, out var uploaded, out output))
            return Fail(guest, "no ticks line after the upload: " + output);
        Console.WriteLine($"16 MiB download {download.Elapsed.TotalSeconds:F1} s, upload {upload.Elapsed.TotalSeconds:F1} s (wall, under -icount)");
        Console.WriteLine();
        Console.WriteLine("Ticks (guest instructions under -icount shift=0) per full-size (1514-byte) TCP segment, 16 MiB each way:");
        Console.WriteLine("| direction | full-size frames | driver | shared ring | stack | socket copy | total |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(SegmentTicks.Row("sent (guest httpd -> host)", start, downloaded, "full-tx").Row);
        Console.WriteLine(SegmentTicks.Row("received (host -> guest httpd)", downloaded, uploaded, "full-rx").Row);
        Console.WriteLine("Driver: its wake-ups from the interrupt's notification on, less their ring part. Shared ring: the driver's");
        Console.WriteLine("publish/take of entries, the stack's take of received frames and copy of frames to send into the pool, and the");
        Console.WriteLine("notifications. Stack: protocol work and socket requests (ACKs of the direction included). Socket copy: bytes between");
        Console.WriteLine("a connection's buffers and the program's. Not counted: the kernel's interrupt entry and IPC, httpd itself.");
        if (Environment.GetEnvironmentVariable("NETBENCH_PROFILE") is string seconds && seconds.Length > 0)
        {
            Profile(guest, "downloads", seconds, () => HttpProbe.Get(port, "/big.bin", 900_000).Status == 200);
            Profile(guest, "uploads", seconds, () => HttpProbe.Upload(port, SixteenMiB, "/1k.bin", 900_000).Status == 405);
        }
        return guest.SerialLog.Contains("KERNEL PANIC") ? Fail(guest, "kernel panic") : 0;
    }

    // NETBENCH_PROFILE=SECONDS: the guest's `prof all SECONDS --callers` while the host repeats 16 MiB transfers one way.
    private static void Profile(QemuGuest guest, string what, string seconds, Func<bool> transfer)
    {
        bool stop = false;
        var load = new Thread(() =>
        {
            while (!Volatile.Read(ref stop) && transfer())
            {
            }
        }) { IsBackground = true };
        load.Start();
        Thread.Sleep(300);
        Console.WriteLine($"prof all {seconds} during repeated 16 MiB {what}:");
        Console.WriteLine(guest.Shell($"prof all {seconds}", TimeSpan.FromMinutes(5)) ?? "(no answer)");
        Console.WriteLine(guest.Shell($"prof all {seconds} --callers", TimeSpan.FromMinutes(5)) ?? "(no answer)");
        Volatile.Write(ref stop, true);
        load.Join();
    }

    /// <summary>Requests per second and the median latency over <see cref="RateWindow"/>, each request on a new connection.</summary>
    private static (double PerSecond, double P50Ms) Rate(int port, int clients)
    {
        var latencies = new List<double>();
        int failures = 0;
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, clients).Select(_ => new Thread(() =>
        {
            while (clock.Elapsed < RateWindow)
            {
                HttpResult result = HttpProbe.Get(port, "/1k.bin", 10_000);
                lock (latencies)
                {
                    if (result.Status == 200 && result.BodyBytes == OneKiB)
                        latencies.Add(result.Elapsed.TotalMilliseconds);
                    else
                        failures++;
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        double seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double p50 = latencies.Count > 0 ? latencies[latencies.Count / 2] : 0;
        double Percentile(double p) => latencies.Count > 0 ? latencies[(int)(latencies.Count * p)] : 0;
        Console.WriteLine($"{clients} client(s): {latencies.Count} requests in {seconds:F1} s, {failures} failed, "
            + $"p50 {p50:F2} ms, p90 {Percentile(0.9):F2} ms, p99 {Percentile(0.99):F2} ms, max {(latencies.Count > 0 ? latencies[^1] : 0):F2} ms, "
            + $"over 500 ms: {latencies.Count(l => l > 500)}");
        return (latencies.Count / seconds, p50);
    }

    /// <summary>The serial log up to the first 200, each line with the second (from QEMU's start) it began to arrive.</summary>
    private static void PrintTimeline(QemuGuest guest, double firstOk)
    {
        Console.WriteLine("Timeline (s from QEMU start, when each serial line began to arrive; GRUB prints nothing on serial):");
        foreach (var (seconds, line) in guest.Lines())
        {
            if (seconds > firstOk)
                break;
            Console.WriteLine($"  {seconds,6:F2}  {line}");
        }
        Console.WriteLine($"  {firstOk,6:F2}  (host) first HTTP 200");
    }

    private static int Fail(QemuGuest guest, string why)
    {
        Console.WriteLine("netbench: " + why + "\n--- serial log ---\n" + guest.SerialLog);
        return 1;
    }

    /// <summary>A FAT32 image with /1k.bin and /big.bin (mkfs.fat and mtools, as ./build.sh uses them).</summary>
    private static string DataDisk(string directory, byte[] small, byte[] big)
    {
        string image = Path.GetFullPath(Path.Combine(directory, "netbench-disk.img"));
        string smallFile = Path.Combine(directory, "1k.bin"), bigFile = Path.Combine(directory, "big.bin");
        File.WriteAllBytes(smallFile, small);
        File.WriteAllBytes(bigFile, big);
        File.Delete(image);
        Run("mkfs.fat", $"-F 32 -C \"{image}\" {64 * 1024}");
        Run("mcopy", $"-i \"{image}\" \"{smallFile}\" ::/1k.bin");
        Run("mcopy", $"-i \"{image}\" \"{bigFile}\" ::/big.bin");
        return image;
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true });
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(program + " " + arguments + " failed");
    }

    private static Dictionary<string, string> LinuxFigures(string path)
    {
        var figures = new Dictionary<string, string>();
        if (!File.Exists(path))
        {
            Console.WriteLine("netbench: no Linux figures at " + path);
            return figures;
        }
        foreach (string line in File.ReadAllLines(path))
        {
            int equals = line.IndexOf('=');
            if (line.StartsWith('#') || equals <= 0)
                continue;
            figures[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
        }
        return figures;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
