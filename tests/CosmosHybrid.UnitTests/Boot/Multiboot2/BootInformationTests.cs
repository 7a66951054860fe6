using System;
using CosmosHybrid.Boot.Multiboot2;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Boot.Multiboot2;

public class BootInformationTests
{
    [Test]
    public void ParsesEveryTagTheKernelUses()
    {
        byte[] data = new BootInformationBuilder()
            .CommandLine("selftest exit-on-panic")
            .BootLoaderName("GRUB 2.06")
            .MemoryMap((0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0x100000, 0x1FEE0000, 1), (0xFFFC0000, 0x40000, 2))
            .Module(0x200000, 0x210000, "kernel.sym")
            .Module(0x210000, 0x211234, "font.pf2")
            .Framebuffer(0xFD000000, 4096, 1024, 768, 32, 1)
            .Build();

        BootInformation info = BootInformation.Parse(data);

        Assert.That(info, Is.Not.Null);
        Assert.That(info.IsTruncated, Is.False);
        Assert.That(info.TotalSize, Is.EqualTo((uint)data.Length));
        Assert.That(info.CommandLine, Is.EqualTo("selftest exit-on-panic"));
        Assert.That(info.BootLoaderName, Is.EqualTo("GRUB 2.06"));
        Assert.That(info.MemoryRegionCount, Is.EqualTo(4));
        Assert.That(info.GetMemoryRegion(2).BaseAddress, Is.EqualTo(0x100000));
        Assert.That(info.GetMemoryRegion(2).Length, Is.EqualTo(0x1FEE0000));
        Assert.That(info.GetMemoryRegion(3).Type, Is.EqualTo(MemoryRegionType.Reserved));
        Assert.That(info.ModuleCount, Is.EqualTo(2));
        Assert.That(info.TryFindModule("font.pf2", out BootModule font), Is.True);
        Assert.That(font.Start, Is.EqualTo(0x210000));
        Assert.That(font.Length, Is.EqualTo(0x1234));
        Assert.That(info.TryFindModule("missing", out _), Is.False);
        Assert.That(info.Framebuffer.IsPresent, Is.True);
        Assert.That(info.Framebuffer.Kind, Is.EqualTo(FramebufferKind.Rgb));
        Assert.That(info.Framebuffer.Width, Is.EqualTo(1024));
        Assert.That(info.Framebuffer.Pitch, Is.EqualTo(4096));
    }

    [Test]
    public void UnknownTagsAreSkipped()
    {
        byte[] data = new BootInformationBuilder()
            .Tag(21, new byte[] { 1, 2, 3, 4, 5 })   // load base address: not used by the kernel
            .CommandLine("after-unknown")
            .Build();

        Assert.That(BootInformation.Parse(data).CommandLine, Is.EqualTo("after-unknown"));
    }

    [Test]
    public void HeaderThatDoesNotFitIsRejected()
    {
        Assert.That(BootInformation.Parse(Array.Empty<byte>()), Is.Null);
        Assert.That(BootInformation.Parse(new byte[4]), Is.Null);
        byte[] data = new BootInformationBuilder().CommandLine("x").Build();
        Assert.That(BootInformation.Parse(data.AsSpan(0, data.Length - 8)), Is.Null, "total size larger than the data");
    }

    [Test]
    public void MissingEndTagMarksTheStructureTruncated()
    {
        byte[] data = new BootInformationBuilder().CommandLine("no end").Build(withEndTag: false);

        BootInformation info = BootInformation.Parse(data);

        Assert.That(info.CommandLine, Is.EqualTo("no end"));
        Assert.That(info.IsTruncated, Is.True);
    }

    [Test]
    public void TagSizeBeyondTheStructureStopsParsing()
    {
        byte[] data = new BootInformationBuilder().CommandLine("first").BootLoaderName("second").Build();
        // Make the first tag claim to be far larger than the structure.
        BitConverter.GetBytes(0x7FFFFFF0u).CopyTo(data, 12);

        BootInformation info = BootInformation.Parse(data);

        Assert.That(info.IsTruncated, Is.True);
        Assert.That(info.CommandLine, Is.Empty);
        Assert.That(info.BootLoaderName, Is.Empty);
    }

    [Test]
    public void RandomCorruptionNeverThrowsOrReadsOutOfBounds()
    {
        byte[] original = new BootInformationBuilder()
            .CommandLine("selftest")
            .MemoryMap((0, 0x9FC00, 1), (0x100000, 0x1FEE0000, 1))
            .Module(0x200000, 0x210000, "kernel.sym")
            .Framebuffer(0xFD000000, 4096, 1024, 768, 32, 1)
            .Build();
        var random = new Random(20261121);
        for (int round = 0; round < 5000; round++)
        {
            byte[] data = (byte[])original.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
                data[random.Next(data.Length)] = (byte)random.Next(256);
            int length = random.Next(2) == 0 ? data.Length : random.Next(data.Length);

            BootInformation info = BootInformation.Parse(data.AsSpan(0, length));

            if (info != null)
            {
                Assert.That(info.TotalSize, Is.LessThanOrEqualTo((uint)length));
                Assert.That(info.MemoryRegionCount, Is.InRange(0, BootInformation.MaxMemoryRegions));
                Assert.That(info.ModuleCount, Is.InRange(0, BootInformation.MaxModules));
            }
        }
    }
}
