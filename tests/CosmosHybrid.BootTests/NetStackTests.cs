using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The network stack `net` from the default /etc/services, over the e1000 driver, against QEMU's
/// user-mode network with restrict=on (nothing leaves the machine). With restrict=on slirp lets
/// the guest reach the host only through guestfwd rules, so the test's HTTP server on the host's
/// loopback is the guest's 10.0.2.100:80, :81 and :82, one rule per connection (slirp refuses
/// rules for 10.0.2.2 itself); the host reaches the guest's ports 7000 and 80 through hostfwd.
/// Names are a second, shorter boot (<see cref="NamesResolveThroughTheTestsNameServerNeverSlirps"/>): guestfwd
/// is TCP only and restrict=on drops the guest's UDP, so that boot lifts restrict and watches every frame instead.
/// The first boot: DHCP, ifconfig, forged driver requests refused, ping, wget with SHA-256 checks, a host-to-guest connection to
/// `nc -l`, the host's curl against the guest's `httpd`, netstat, a 16 MiB download during which the driver is killed and restarted, and a
/// ping during which the stack itself is killed and restarted. A third boot runs the same stack on q35 with an e1000e.
/// </summary>
public class NetStackTests : BootTestBase
{
    private const string GuestMac = "52:54:00:12:34:56";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(90);

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [Test]
    public void DhcpPingWgetNcAndADownloadThatOutlivesTheDriver()
    {
        using var server = new LoopbackHttpServer();
        byte[] small = RandomBytes(1 << 20, 1206);
        byte[] big = RandomBytes(16 << 20, 1207);
        server.Add("/file.bin", small);
        server.Add("/big.bin", big);
        int forwarded = FreeLoopbackPort();
        int httpForwarded = FreeLoopbackPort();
        string nic = "-nic user,model=e1000,restrict=on"
            + ",guestfwd=tcp:10.0.2.100:80-tcp:127.0.0.1:" + server.Port
            + ",guestfwd=tcp:10.0.2.100:81-tcp:127.0.0.1:" + server.Port
            + ",guestfwd=tcp:10.0.2.100:82-tcp:127.0.0.1:" + server.Port
            + ",hostfwd=tcp:127.0.0.1:" + forwarded + "-:7000"
            + ",hostfwd=tcp:127.0.0.1:" + httpForwarded + "-:80";
        var clock = Stopwatch.StartNew();
        BootWith("", "pc", nic);

        ExpectAttachedAndLeased(clock);

        string ifconfig = Shell("ifconfig");
        Assert.That(ifconfig, Does.Contain("ether " + GuestMac));
        Assert.That(ifconfig, Does.Contain("inet 10.0.2.15 netmask 255.255.255.0"));
        Assert.That(ifconfig, Does.Match(@"link up 1000 Mb/s"));
        Match e1000 = Regex.Match(Shell("ps"), @"\s(\d+) e1000\s+running");
        Assert.That(e1000.Success, Is.True, "e1000 in ps");

        // Another program's Attach or Detach without init's key is refused by the driver; net stays attached (the ping below).
        Assert.That(Shell("usertest net-forged"), Does.Contain("net-forged: ok"));

        PingTheGateway();
        WgetFromTheHost(server, "/file.bin", small);

        // The host connects to the guest's nc -l through hostfwd.
        Machine.SendLine("nc -l 7000");
        ExpectOutput("nc: listening on port 7000", Step);
        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, forwarded);
            client.GetStream().Write(Encoding.ASCII.GetBytes("hello from the host\n"));
            client.Client.Shutdown(SocketShutdown.Send);
            ExpectMatch(@"nc: connection from 10\.0\.2\.2:\d+", Step);
            ExpectOutput("hello from the host", Step);
            ExpectOutput("nc: 20 bytes received", Step);
        }
        ExpectOutput("$ ", Step);

        CheckHttpd(httpForwarded, small);
        // Contain, not StartWith: a line net writes on its own (a client's session ended) may come first.
        Assert.That(Shell("netstat"), Does.Contain("Proto Recv-Q Send-Q Local"));

        // 16 MiB while the driver is killed: init restarts it, net attaches again, TCP retransmits what was lost.
        Machine.SendLine("spawn wget --sha256 http://10.0.2.100:81/big.bin -");
        ExpectOutput("wget: HTTP 200, 16777216 bytes", Step);
        ExpectOutput("wget: 2 MiB", Step);
        string driver = e1000.Groups[1].Value;
        Machine.SendLine("kill " + driver);
        ExpectOutput("init: e1000 (process " + driver + ") ended with status -9", Step);
        ExpectMatch(@"net: the driver went away", Step);
        ExpectMatch(@"init: restarted e1000 as process \d+", Step);
        ExpectOutput("net: attached to 'e1000' (MAC " + GuestMac + ", attachment 2)", Step);
        Match done = ExpectMatch(@"wget: (saved|INCOMPLETE) (\d+) bytes to - in (\d+) ms \((\d+) KiB/s\)", TimeSpan.FromMinutes(5));
        Assert.That(done.Groups[1].Value, Is.EqualTo("saved"));
        Assert.That(done.Groups[2].Value, Is.EqualTo("16777216"));
        ExpectOutput("wget: sha256 " + Sha256Hex(big), Step);
        string log = Machine.SerialLog;
        int killed = log.IndexOf("init: e1000 (process " + driver + ") ended", StringComparison.Ordinal);
        int reattached = log.IndexOf("attachment 2)", StringComparison.Ordinal);
        Assert.That(log.IndexOf(done.Value, StringComparison.Ordinal), Is.GreaterThan(reattached).And.GreaterThan(killed),
            "the download ended after the driver was killed and the stack attached again");
        TestContext.Out.WriteLine("16 MiB download across a driver restart: " + done.Value);
        string after = Shell("ifconfig");
        Assert.That(after, Does.Contain("attachments 2"));
        TestContext.Out.WriteLine(Regex.Match(after, @"tcp retransmits.*").Value.Trim());

        // The stack itself killed while a ping runs: init restarts net, the ping's client opens a
        // session with the new service and the replies go on; a new download works.
        Match stack = Regex.Match(Shell("ps"), @"\s(\d+) net\s+running");
        Assert.That(stack.Success, Is.True, "net in ps");
        int pingStart = Machine.SerialLog.Length;
        Machine.SendLine("spawn ping 10.0.2.2 20");
        WaitFrom(pingStart, "icmp_seq=2 ");
        int killedAt = Machine.SerialLog.Length;
        Machine.SendLine("kill " + stack.Groups[1].Value);
        WaitFrom(killedAt, "init: net (process " + stack.Groups[1].Value + ") ended with status -9");
        WaitFrom(killedAt, "net: attached to 'e1000' (MAC " + GuestMac + ", attachment 1)");
        int summary = WaitFrom(killedAt, "20 packets transmitted");
        Match lastReply = Regex.Match(Machine.SerialLog.Substring(killedAt, summary - killedAt),
            @"bytes from 10\.0\.2\.2: icmp_seq=(\d+)", RegexOptions.RightToLeft);
        Assert.That(lastReply.Success, Is.True, "a reply after net was killed and restarted");
        Assert.That(int.Parse(lastReply.Groups[1].Value), Is.EqualTo(20), "the ping's last request was answered by the new net");
        TestContext.Out.WriteLine("ping across a restart of net: "
            + Regex.Match(Machine.SerialLog.Substring(summary), @"20 packets transmitted.*").Value.Trim());
        WaitFrom(summary, "rtt min/avg/max"); // the ping has ended (the shell's prompt came before its output)
        string again = Shell("wget --sha256 http://10.0.2.100:82/file.bin -");
        Assert.That(again, Does.Contain("wget: sha256 " + Sha256Hex(small)), "a download through the restarted net");

        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        Assert.That(Machine.SerialLog, Does.Not.Match(@"process \d+ \(net\) killed"), "the stack faulted");
        Assert.That(Machine.SerialLog, Does.Not.Contain("refused the pool"), "the driver refused net");
    }

    /// <summary>Attach to the driver and a DHCP lease from slirp (restrict=on: slirp names no router and no name server).</summary>
    private void ExpectAttachedAndLeased(Stopwatch clock)
    {
        ExpectOutput(ShellBanner);
        ExpectOutput("net: attached to 'e1000' (MAC " + GuestMac + ", attachment 1)", Step);
        ExpectMatch(@"net: 10\.0\.2\.15/24 gateway [0-9.]+ \(DHCP from 10\.0\.2\.2, lease \d+ s\)", Step);
        TestContext.Out.WriteLine($"QEMU start to DHCP lease: {clock.ElapsedMilliseconds} ms (wall, TCG)");
    }

    /// <summary>ICMP echo to the gateway: three requests, three replies.</summary>
    private void PingTheGateway()
    {
        string ping = Shell("ping 10.0.2.2 3");
        Assert.That(ping, Does.Contain("3 packets transmitted, 3 received, 0% packet loss"));
        Match rtt = Regex.Match(ping, @"rtt min/avg/max = ([0-9.]+)/([0-9.]+)/([0-9.]+) ms");
        Assert.That(rtt.Success, Is.True);
        TestContext.Out.WriteLine("ping 10.0.2.2: " + rtt.Value);
    }

    /// <summary>
    /// HTTP GET of <paramref name="path"/> from the test's server on the host's loopback (guestfwd 10.0.2.100:80), saved
    /// under the same name in the guest and checked twice: wget's own hash, then sha256sum of the file.
    /// </summary>
    private void WgetFromTheHost(LoopbackHttpServer server, string path, byte[] content)
    {
        string wget = Shell("wget --sha256 http://10.0.2.100" + path + " " + path);
        Assert.That(wget, Does.Contain("wget: HTTP 200, " + content.Length + " bytes"));
        Assert.That(wget, Does.Match(@"wget: saved " + content.Length + " bytes to " + Regex.Escape(path) + @" in \d+ ms"));
        Assert.That(wget, Does.Contain("wget: sha256 " + Sha256Hex(content)));
        Assert.That(Shell("sha256sum " + path), Does.Contain(Sha256Hex(content) + "  " + path));
        TestContext.Out.WriteLine(Regex.Match(wget, @"wget: saved .*").Value.Trim());
        Assert.That(server.Requests, Does.Contain("GET " + path + " HTTP/1.1"));
    }

    /// <summary>
    /// The whole stack on the other NIC and chipset: the default /etc/services on q35 with an e1000e (82574L). One boot:
    /// the driver finds the 82574L, net attaches and gets 10.0.2.15 from slirp's DHCP, ping 10.0.2.2 answers, the guest's
    /// wget fetches a file from the test's loopback server through guestfwd (byte-exact by SHA-256), and the host's curl
    /// fetches it back from the guest's httpd through hostfwd (byte for byte).
    /// </summary>
    [Test]
    public void TheWholeStackRunsOnTheE1000eOnQ35()
    {
        using var server = new LoopbackHttpServer();
        byte[] file = RandomBytes(256 << 10, 1209);
        server.Add("/q35.bin", file);
        int httpForwarded = FreeLoopbackPort();
        string nic = "-nic user,model=e1000e,restrict=on"
            + ",guestfwd=tcp:10.0.2.100:80-tcp:127.0.0.1:" + server.Port
            + ",hostfwd=tcp:127.0.0.1:" + httpForwarded + "-:80";
        var clock = Stopwatch.StartNew();
        BootWith("", "q35", nic);
        ExpectMatch(@"e1000: 82574L, MAC " + GuestMac + @", irq \d+, serving 'e1000'", Step);
        ExpectAttachedAndLeased(clock);
        PingTheGateway();
        WgetFromTheHost(server, "/q35.bin", file);

        Machine.SendLine("spawn httpd / 80");
        ExpectOutput("httpd: serving / on port 80", Step);
        string copy = Path.GetTempFileName();
        try
        {
            string fetched = Curl("-o", copy, "-w", "%{http_code} %{size_download}", "http://127.0.0.1:" + httpForwarded + "/q35.bin");
            Assert.That(fetched, Is.EqualTo("200 " + file.Length));
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(file), "the host's copy from the guest's httpd, byte for byte");
        }
        finally
        {
            File.Delete(copy);
        }
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        Assert.That(Machine.SerialLog, Does.Not.Match(@"process \d+ \((net|e1000|httpd)\) killed"), "a network process faulted");
        TestContext.Out.WriteLine($"q35/e1000e boot and checks: {clock.ElapsedMilliseconds} ms (wall, TCG)");
    }

    /// <summary>
    /// The guest's httpd serving / (where wget saved /file.bin), fetched by the host's curl through
    /// hostfwd: byte-exact, two URLs over one kept-alive connection, HEAD, 404, 405, a ".." that would
    /// leave the directory, a listing, garbage answered 400, and a fetch while another client holds
    /// an idle connection. httpd is killed afterwards so the rest of the boot runs as before.
    /// </summary>
    private void CheckHttpd(int port, byte[] file)
    {
        Machine.SendLine("spawn httpd / 80");
        ExpectOutput("httpd: serving / on port 80", Step);
        string url = "http://127.0.0.1:" + port;
        string first = Path.GetTempFileName(), second = Path.GetTempFileName();
        try
        {
            // An idle client holds a connection open: httpd must go on serving the others.
            using var idle = new TcpClient();
            idle.Connect(IPAddress.Loopback, port);

            var clock = Stopwatch.StartNew();
            string both = Curl("-o", first, "-o", second, "-w", "%{http_code} %{num_connects} %{size_download}\n",
                url + "/file.bin", url + "/file.bin?again");
            TestContext.Out.WriteLine($"curl, 2 x 1 MiB from the guest's httpd over one connection: {clock.ElapsedMilliseconds} ms");
            Assert.That(both.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                Is.EqualTo(new[] { "200 1 1048576", "200 0 1048576" }), "two 200s, the second over the first's connection");
            Assert.That(File.ReadAllBytes(first), Is.EqualTo(file), "first download byte for byte");
            Assert.That(File.ReadAllBytes(second), Is.EqualTo(file), "second download byte for byte");

            string head = Curl("-I", url + "/file.bin");
            Assert.That(head, Does.StartWith("HTTP/1.1 200 OK"));
            Assert.That(head, Does.Contain("Content-Length: 1048576"));
            Assert.That(head, Does.Contain("Content-Type: application/octet-stream"));
            Assert.That(Curl("-o", "/dev/null", "-w", "%{http_code}", url + "/no-such-file"), Is.EqualTo("404"));
            Assert.That(Curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", url + "/file.bin"), Is.EqualTo("405"));
            Assert.That(Curl("-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", url + "/bin/../../etc/services"), Is.EqualTo("400"));
            string listing = Curl(url + "/");
            Assert.That(listing, Does.Contain("<a href=\"/file.bin\">file.bin</a> 1048576 bytes"));
            Assert.That(listing, Does.Contain("<a href=\"/bin/\">bin/</a>"));

            using (var garbage = new TcpClient())
            {
                garbage.Connect(IPAddress.Loopback, port);
                garbage.ReceiveTimeout = 30_000;
                NetworkStream stream = garbage.GetStream();
                stream.Write(Encoding.ASCII.GetBytes("\u0001\u0002 garbage that is not HTTP\r\n\r\n"));
                var answer = new byte[12];
                int read = 0;
                while (read < answer.Length)
                {
                    int count = stream.Read(answer, read, answer.Length - read);
                    if (count == 0)
                        break;
                    read += count;
                }
                Assert.That(Encoding.ASCII.GetString(answer, 0, read), Is.EqualTo("HTTP/1.1 400"));
            }
            Assert.That(Curl("-o", first, "-w", "%{http_code}", url + "/file.bin"), Is.EqualTo("200"), "served after the garbage");
            Assert.That(File.ReadAllBytes(first), Is.EqualTo(file));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
        Match httpd = Regex.Match(Shell("ps"), @"\s(\d+) httpd\s+running");
        Assert.That(httpd.Success, Is.True, "httpd in ps");
        Shell("kill " + httpd.Groups[1].Value);
    }

    /// <summary>Runs the host's curl (no proxy, 60 s at most) and returns what it printed; fails the test if curl failed.</summary>
    private static string Curl(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-sS", "--noproxy", "*", "--max-time", "60" })
            start.ArgumentList.Add(argument);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process curl = Process.Start(start);
        var error = curl.StandardError.ReadToEndAsync();
        string output = curl.StandardOutput.ReadToEnd();
        Assert.That(curl.WaitForExit(90_000), Is.True, "curl did not finish");
        Assert.That(curl.ExitCode, Is.EqualTo(0), "curl " + string.Join(" ", arguments) + ": " + error.Result);
        return output;
    }

    /// <summary>
    /// DNS against <see cref="TinyDnsServer"/> on the host's loopback, reached as 10.0.2.2:PORT. UDP
    /// needs slirp without restrict=on (which drops the guest's UDP apart from DHCP and TFTP), so
    /// nothing but the guest itself keeps traffic inside the machine here: net is started with
    /// dns=10.0.2.2:PORT (a manifest on a data disk), which wins over the 10.0.2.3 slirp's DHCP
    /// names, and QEMU's filter-dump records every frame on the NIC, so the test can show afterwards
    /// that the guest sent nothing to 10.0.2.3 (not even an ARP request) and nothing beyond 10.0.2.2.
    /// A name, a second through a CNAME, the TTL cache (asking again does not reach the server), a
    /// name error, and wget by name from <see cref="LoopbackHttpServer"/>.
    /// </summary>
    [Test]
    public void NamesResolveThroughTheTestsNameServerNeverSlirps()
    {
        using var dns = new TinyDnsServer(ttlSeconds: 600);
        dns.AddAddress("files.test", IPAddress.Parse("10.0.2.2"));
        dns.AddAlias("www.files.test", "files.test");
        using var http = new LoopbackHttpServer();
        byte[] named = RandomBytes(64 << 10, 1208);
        http.Add("/named.bin", named);

        string manifest = "service shell\n  run shell\n  rights poweroff killany\n  restart yes\n\n"
            + "service e1000\n  run e1000\n  key nic\n  name e1000\n  device pci=8086:100e\n  needs-device yes\n  restart yes\n  after shell\n\n"
            + "service net\n  run net dns=10.0.2.2:" + dns.Port + "\n  key nic\n  name net\n  restart yes\n  after e1000\n";
        FatDiskImage disk = FatDiskImage.Create("net-dns", 12, 2048, 0, "-s", "1");
        string capture = Path.Combine(Path.GetTempPath(), "net-dns-" + Environment.ProcessId + ".pcap");
        try
        {
            disk.Put("/services", Encoding.ASCII.GetBytes(manifest));
            BootWith("init=init,/disk/services", "pc", disk.IdeArguments
                + " -netdev user,id=n0 -device e1000,netdev=n0,mac=" + GuestMac
                + " -object filter-dump,id=capture,netdev=n0,file=" + capture);
            ExpectOutput("CosmosHybrid shell (ring 3, process 2)"); // the manifest's first service
            // Without restrict slirp's DHCP names 10.0.2.3 as the name server; net's dns= wins.
            ExpectMatch(@"net: 10\.0\.2\.15/24 gateway 10\.0\.2\.2, dns 10\.0\.2\.2:" + dns.Port + @" \(DHCP from 10\.0\.2\.2", Step);
            string ifconfig = Shell("ifconfig");
            Assert.That(ifconfig, Does.Contain("dns 10.0.2.2:" + dns.Port));
            Assert.That(ifconfig, Does.Not.Contain("10.0.2.3"), "DHCP's name server is not used");

            string first = Shell("ping files.test 1");
            Assert.That(first, Does.Contain("PING files.test (10.0.2.2)"));
            Assert.That(first, Does.Contain("1 packets transmitted, 1 received"));
            Assert.That(dns.Asked("files.test"), Is.EqualTo(1), "the query reached the test's server");

            string alias = Shell("ping www.files.test 1");
            Assert.That(alias, Does.Contain("PING www.files.test (10.0.2.2)"), "through the CNAME");
            Assert.That(dns.Asked("www.files.test"), Is.EqualTo(1));

            // Both answers are cached for their 600 s: asking again (and wget's own lookup) stays in the guest.
            Assert.That(Shell("ping files.test 1"), Does.Contain("PING files.test (10.0.2.2)"));
            Assert.That(Shell("ping WWW.Files.Test 1"), Does.Contain("PING WWW.Files.Test (10.0.2.2)"));
            string wget = Shell("wget --sha256 http://files.test:" + http.Port + "/named.bin -");
            Assert.That(wget, Does.Contain("wget: HTTP 200, 65536 bytes"));
            Assert.That(wget, Does.Contain("wget: sha256 " + Sha256Hex(named)));
            Assert.That(http.Requests, Does.Contain("GET /named.bin HTTP/1.1"));
            Assert.That(dns.Asked("files.test"), Is.EqualTo(1), "files.test answered from the cache");
            Assert.That(dns.Asked("www.files.test"), Is.EqualTo(1), "www.files.test answered from the cache");

            Assert.That(Shell("ping nowhere.test 1"), Does.Contain("ping: nowhere.test: host not found"));
            Assert.That(dns.Asked("nowhere.test"), Is.EqualTo(1), "a name error is not retried");
            Assert.That(dns.Questions, Is.EqualTo(new[] { "files.test", "www.files.test", "nowhere.test" }), "every question the server saw");

            // Every frame the guest sent: to slirp's 10.0.2.2 (or DHCP's broadcast), never to 10.0.2.3 or beyond.
            var destinations = new System.Collections.Generic.SortedSet<string>();
            foreach (byte[] frame in PacketCapture.ReadFrames(capture))
            {
                string to = PacketCapture.Destination(frame);
                if (to != null && PacketCapture.SourceMac(frame) == GuestMac)
                    destinations.Add(to);
                Assert.That(PacketCapture.Source(frame), Is.Not.EqualTo("10.0.2.3"), "a frame from slirp's name server");
            }
            TestContext.Out.WriteLine("guest frames went to: " + string.Join(", ", destinations));
            Assert.That(destinations, Does.Contain("10.0.2.2"), "the capture saw the guest's traffic");
            Assert.That(destinations, Is.SubsetOf(new[] { "10.0.2.2", "10.0.2.15", "255.255.255.255" }));
            Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
        }
        finally
        {
            disk.Dispose();
            File.Delete(capture);
        }
    }

    [Test]
    public void WithoutANicNetRunsAndIfconfigSaysThereIsNoInterface()
    {
        Boot("");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");
        Assert.That(Shell("ifconfig"), Does.Contain("ifconfig: no interface"));
        Assert.That(Shell("ping 10.0.2.2 1"), Does.Contain("no network interface"));
        Assert.That(Shell("ps"), Does.Match(@"\s\d+ net\s+running"));
    }
}
