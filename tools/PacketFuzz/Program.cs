using System;
using System.Globalization;
using CosmosHybrid.Tools.PacketFuzz;

// PacketFuzz send QEMU_PORT HOST_PORT FRAMES SEED [BATCH]
//     to a guest on `-netdev socket,udp=127.0.0.1:HOST_PORT,localaddr=127.0.0.1:QEMU_PORT`
//     (QEMU's user network addresses: guest 10.0.2.15, 52:54:00:12:34:56).
// PacketFuzz dump FRAMES SEED
//     prints the frames of a seed as hex, one a line, to reproduce a finding.
// `./build.sh packetfuzz N SEED` runs the whole campaign (boot, DHCP, frames, HTTP check, memory).
if (args.Length is 5 or 6 && args[0] == "send")
{
    using var injector = new UdpFrameInjector(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
    var campaign = new PacketCampaign(new FrameGenerator(ulong.Parse(args[4], CultureInfo.InvariantCulture)), injector)
    {
        Batch = args.Length == 6 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 64,
        Progress = sent => { if (sent % 100_000 == 0) Console.WriteLine($"packetfuzz: {sent} frames"); },
    };
    Console.WriteLine("packetfuzz: " + campaign.Run(long.Parse(args[3], CultureInfo.InvariantCulture)));
    return 0;
}
if (args.Length == 3 && args[0] == "dump")
{
    var generator = new FrameGenerator(ulong.Parse(args[2], CultureInfo.InvariantCulture));
    var frame = new byte[FrameGenerator.MaximumFrame];
    long count = long.Parse(args[1], CultureInfo.InvariantCulture);
    for (long i = 0; i < count; i++)
    {
        FuzzFrame next = generator.Next(frame);
        Console.WriteLine($"{i} {next.Protocol} {next.Damage} {Convert.ToHexString(frame, 0, next.Length)}");
    }
    return 0;
}
Console.Error.WriteLine("usage: PacketFuzz send QEMU_PORT HOST_PORT FRAMES SEED [BATCH] | PacketFuzz dump FRAMES SEED");
return 2;
