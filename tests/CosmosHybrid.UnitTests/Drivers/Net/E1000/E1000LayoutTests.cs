using System.Runtime.CompilerServices;
using CosmosHybrid.Drivers.Net.E1000;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Net.E1000;

public unsafe class E1000LayoutTests
{
    [Test]
    public void DescriptorsAreSixteenBytesWithTheManualsOffsets()
    {
        Assert.That(Unsafe.SizeOf<ReceiveDescriptor>(), Is.EqualTo(16));
        Assert.That(Unsafe.SizeOf<TransmitDescriptor>(), Is.EqualTo(16));

        var receive = new ReceiveDescriptor { BufferAddress = 0x1122334455667788, Length = 0x0102, Checksum = 0x0304, Status = 0x05, Errors = 0x06, Special = 0x0708 };
        byte* r = (byte*)&receive;
        Assert.That(r[0], Is.EqualTo(0x88));
        Assert.That(r[7], Is.EqualTo(0x11));
        Assert.That(r[8], Is.EqualTo(0x02));
        Assert.That(r[10], Is.EqualTo(0x04));
        Assert.That(r[12], Is.EqualTo(0x05));
        Assert.That(r[13], Is.EqualTo(0x06));
        Assert.That(r[14], Is.EqualTo(0x08));

        var transmit = new TransmitDescriptor { BufferAddress = 0xAABB, Length = 60, ChecksumOffset = 1, Command = TransmitDescriptor.CommandFrame, Status = 2, ChecksumStart = 3, Special = 0x0405 };
        byte* t = (byte*)&transmit;
        Assert.That(t[0], Is.EqualTo(0xBB));
        Assert.That(t[8], Is.EqualTo(60));
        Assert.That(t[10], Is.EqualTo(1));
        Assert.That(t[11], Is.EqualTo(0x0B), "EOP | IFCS | RS");
        Assert.That(t[12], Is.EqualTo(2));
        Assert.That(t[13], Is.EqualTo(3));
        Assert.That(t[14], Is.EqualTo(5));
    }

    [Test]
    public void OnlyWholeErrorFreeFramesAreGood()
    {
        Assert.That(ReceiveDescriptor.IsGoodFrame(0x03, 0), Is.True);
        Assert.That(ReceiveDescriptor.IsGoodFrame(0x01, 0), Is.False, "not the end of the packet");
        Assert.That(ReceiveDescriptor.IsGoodFrame(0x02, 0), Is.False, "not done");
        Assert.That(ReceiveDescriptor.IsGoodFrame(0x03, 0x01), Is.False, "CRC error");
        Assert.That(ReceiveDescriptor.IsGoodFrame(0x03, 0x80), Is.False, "RX data error");
        Assert.That(ReceiveDescriptor.IsGoodFrame(0x03, 0x20), Is.True, "TCP checksum error bits are left to the stack");
    }

    [Test]
    public void ModelsAreToldApartByDeviceId()
    {
        Assert.That(E1000Models.Identify(0x8086, 0x100E), Is.EqualTo(E1000Model.I82540EM));
        Assert.That(E1000Models.Identify(0x8086, 0x100F), Is.EqualTo(E1000Model.I82545EM));
        Assert.That(E1000Models.Identify(0x8086, 0x10D3), Is.EqualTo(E1000Model.I82574L));
        Assert.That(E1000Models.Identify(0x8086, 0x10EA), Is.EqualTo(E1000Model.Unknown));
        Assert.That(E1000Models.Identify(0x10EC, 0x100E), Is.EqualTo(E1000Model.Unknown), "another vendor");
        Assert.That(E1000Models.NameOf(E1000Model.I82574L), Is.EqualTo("82574L"));
    }

    [Test]
    public void TheEepromReadRegisterDiffersOnThe82574()
    {
        Assert.That(E1000Models.EepromReadCommand(E1000Model.I82540EM, 2), Is.EqualTo(0x201u));
        Assert.That(E1000Models.EepromReadCommand(E1000Model.I82574L, 2), Is.EqualTo(0x9u));
        Assert.That(E1000Models.EepromReadDone(E1000Model.I82540EM, 0x10), Is.True);
        Assert.That(E1000Models.EepromReadDone(E1000Model.I82540EM, 0x02), Is.False);
        Assert.That(E1000Models.EepromReadDone(E1000Model.I82574L, 0x02), Is.True);
        Assert.That(E1000Models.EepromReadDone(E1000Model.I82574L, 0x10), Is.False);
        Assert.That(E1000Models.EepromData(0x5452_0010), Is.EqualTo(0x5452));
    }

    [Test]
    public void TheMacComesFromRalRahOnlyWhenValid()
    {
        // QEMU's default 52:54:00:12:34:56.
        Assert.That(E1000Models.MacFromReceiveAddress(0x1200_5452, 0x8000_5634), Is.EqualTo(0x5634_1200_5452UL));
        Assert.That(E1000Models.MacFromReceiveAddress(0x1200_5452, 0x0000_5634), Is.EqualTo(0UL), "AV clear");
        Assert.That(E1000Models.MacFromEeprom(0x5452, 0x1200, 0x5634), Is.EqualTo(0x5634_1200_5452UL));
    }

    [Test]
    public void ReceiveControlIsOneValueWithBroadcastsAndCrcStripping()
    {
        Assert.That(E1000ReceiveControl.Value & E1000ReceiveControl.Enable, Is.Not.Zero);
        Assert.That(E1000ReceiveControl.Value & E1000ReceiveControl.BroadcastAccept, Is.Not.Zero);
        Assert.That(E1000ReceiveControl.Value & E1000ReceiveControl.StripCrc, Is.Not.Zero);
        Assert.That(E1000ReceiveControl.Value & (3u << 16), Is.Zero, "2048-byte buffers");
        Assert.That(E1000ReceiveControl.Value & E1000ReceiveControl.UnicastPromiscuous, Is.Zero);
        Assert.That(E1000TransmitControl.Value, Is.EqualTo(0x0104_00FAu));
    }

    [Test]
    public void ThrottleIsInUnitsOf256Nanoseconds()
    {
        Assert.That(E1000Models.ThrottleFor(8000), Is.EqualTo(488u));
        Assert.That(E1000Models.ThrottleFor(0), Is.EqualTo(0u));
        Assert.That(E1000Status.SpeedMbps(0x80), Is.EqualTo(1000));
        Assert.That(E1000Status.SpeedMbps(0x40), Is.EqualTo(100));
        Assert.That(E1000Status.SpeedMbps(0), Is.EqualTo(10));
    }
}
