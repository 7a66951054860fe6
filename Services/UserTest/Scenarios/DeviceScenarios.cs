using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// A ring-3 test driver for the e1000 (QEMU `-device e1000`, no peer: nothing is sent):
/// devices-e1000 opens it with the root authority (handle 4), maps BAR 0, reads STATUS,
/// EECD and the MAC, proves a DMA buffer's physical address by having the NIC write a
/// transmit descriptor back into it, takes its interrupt, uses its I/O BAR through the I/O
/// permission bitmap and checks that bad input gives error codes. devices-denied checks
/// that a process without the Devices right gets Denied; devices-port-fault does an `out`
/// to a port it does not own (and is killed); devices-kill kills a driver in the middle of
/// DMA and checks no memory is lost; devices-shared drives the NIC's interrupt while the
/// kernel's AHCI driver, on the same line, does disk I/O. Each prints "NAME: ok" only
/// when every check passed.
/// </summary>
internal static unsafe class DeviceScenarios
{
    private const long Authority = StartupHandles.RootAuthority;
    private static readonly SyscallPorts Ports = SyscallPorts.Instance;

    public static int Run(string scenario, string rest)
    {
        bool ok = scenario switch
        {
            "devices-suite" => Suite(),
            "devices-e1000" => DriveE1000(),
            "devices-framebuffer" => MapFramebuffer(),
            "devices-denied" => Denied(),
            "devices-unprivileged" => Unprivileged(),
            "devices-port-fault" => PortFault(),
            "devices-kill" => KillDuringDma(),
            "devices-dma-hog" => DmaHog(),
            "devices-shared" => SharedLine(Scenarios.ParseOr(rest, 20)),
            _ => Unknown(scenario),
        };
        Console.WriteLine(scenario + ": " + (ok ? "ok" : "FAILED"));
        return ok ? 0 : 1;
    }

    // Every e1000 scenario in turn, each a child given our authority (one boot for all of them).
    private static bool Suite()
    {
        bool ok = true;
        foreach (string scenario in new[] { "devices-e1000", "devices-framebuffer", "devices-denied", "devices-kill", "devices-port-fault" })
        {
            long child = ProcessCalls.Spawn("usertest " + scenario, AuthorityOnly());
            ok &= Check("spawn " + scenario, child > 0);
            ProcessCalls.Wait(child, out long status);
            Console.WriteLine("devices-suite: " + scenario + " ended with status " + status.ToString());
            ok &= scenario == "devices-port-fault" ? Check("the port fault ended it", status < 0) : Expect(scenario, status, 0);
        }
        return ok;
    }

    private static SpawnHandle[] AuthorityOnly()
    {
        SpawnHandle[] handles = ProcessCalls.WithStandardIo((int)Authority);
        handles[(int)Authority - 1] = new SpawnHandle { Handle = Authority, Rights = HandleRights.RootAuthority };
        return handles;
    }

    private static bool Unknown(string scenario)
    {
        Console.WriteLine("usertest: unknown device scenario '" + scenario + "'");
        return false;
    }

    private static bool Expect(string what, long actual, long expected)
    {
        if (actual == expected)
            return true;
        Console.WriteLine("  " + what + ": got " + actual.ToString() + ", expected " + expected.ToString());
        return false;
    }

    private static bool Check(string what, bool condition)
    {
        if (!condition)
            Console.WriteLine("  " + what + ": failed");
        return condition;
    }

    private static long Err(SyscallError error) => SyscallResult.Error(error);

    private static string Hex(ulong value) => "0x" + value.ToString("x");

    private static int FindE1000()
    {
        int index = DeviceCalls.Find(DeviceCalls.List(), "e1000");
        if (index < 0)
            Console.WriteLine("  no e1000 in the device list");
        return index;
    }

    private static bool DriveE1000()
    {
        int index = FindE1000();
        if (index < 0)
            return false;
        long device = DeviceCalls.Open(Authority, index);
        bool ok = Check("open the e1000", device > 0);
        if (!ok)
        {
            Console.WriteLine("  open: " + ProcessCalls.ErrorText(device));
            return false;
        }
        ok &= Expect("a second open while we hold it", DeviceCalls.Open(Authority, index), Err(SyscallError.Busy));
        ok &= Expect("a device index that does not exist", DeviceCalls.Open(Authority, 100000), Err(SyscallError.NotFound));

        // Configuration space: its own identity, and the limits.
        ok &= Expect("vendor id from config space", DeviceCalls.ConfigRead(device, 0, 2), 0x8086);
        ok &= Expect("device id from config space", DeviceCalls.ConfigRead(device, 2, 2), 0x100E);
        ok &= Expect("config past 256 (no ECAM)", DeviceCalls.ConfigRead(device, 256, 4), Err(SyscallError.NotSupported));
        ok &= Expect("config past 4 KiB", DeviceCalls.ConfigRead(device, 4096, 4), Err(SyscallError.InvalidArgument));
        ok &= Expect("misaligned config read", DeviceCalls.ConfigRead(device, 3, 2), Err(SyscallError.InvalidArgument));
        ok &= Expect("config size 3", DeviceCalls.ConfigRead(device, 0, 3), Err(SyscallError.InvalidArgument));
        ok &= Expect("writing BAR 0", DeviceCalls.ConfigWrite(device, 0x10, 4, 0), Err(SyscallError.Denied));

        // Registers.
        ok &= Expect("mapping the I/O BAR as memory", DeviceCalls.Map(device, 1), Err(SyscallError.InvalidArgument));
        ok &= Expect("mapping BAR 6", DeviceCalls.Map(device, 6), Err(SyscallError.InvalidArgument));
        ok &= Expect("mapping BAR -1", DeviceCalls.Map(device, -1), Err(SyscallError.InvalidArgument));
        long registers = DeviceCalls.Map(device, 0);
        if (!Check("map BAR 0", registers > 0))
            return false;
        ok &= Expect("mapping BAR 0 again gives the same address", DeviceCalls.Map(device, 0), registers);
        ok &= Expect("the register page as a system-call buffer", SystemCall.Call(SyscallNumber.ConsoleWrite, registers, 16), Err(SyscallError.BadAddress));
        ok &= Check("the listing says BAR 0 is mapped uncached", DeviceCalls.List()[index].RegionMapping[0] == (byte)DeviceMapping.Uncached);
        uint status = E1000.Read(registers, E1000.Status);
        uint eecd = E1000.Read(registers, E1000.Eecd);
        Console.WriteLine("e1000: STATUS " + Hex(status) + ", EECD " + Hex(eecd));
        ok &= Check("STATUS is plausible (not all ones: the BAR answers)", status != 0xFFFF_FFFF && status != 0);
        ok &= Check("EECD says an EEPROM is present", (eecd & (1 << 8)) != 0);
        uint low = E1000.Read(registers, E1000.ReceiveAddressLow);
        uint high = E1000.Read(registers, E1000.ReceiveAddressHigh);
        Console.WriteLine("e1000: MAC from RAL/RAH " + Mac(low, high & 0xFFFF));
        uint word0 = E1000.ReadEeprom(registers, 0), word1 = E1000.ReadEeprom(registers, 1), word2 = E1000.ReadEeprom(registers, 2);
        Console.WriteLine("e1000: MAC from the EEPROM " + Mac(word0 | (word1 << 16), word2));
        ok &= Check("RAL/RAH hold QEMU's default MAC", Mac(low, high & 0xFFFF) == "52:54:00:12:34:56");
        ok &= Check("the EEPROM holds it too", Mac(word0 | (word1 << 16), word2) == "52:54:00:12:34:56");

        // DMA: bad requests, then a buffer the NIC writes into.
        ok &= Expect("DMA of 0 bytes", DeviceCalls.AllocateDma(device, 0, 0, DmaFlags.None, out _), Err(SyscallError.InvalidArgument));
        ok &= Expect("DMA of 64 MiB", DeviceCalls.AllocateDma(device, 64L << 20, 0, DmaFlags.None, out _), Err(SyscallError.InvalidArgument));
        ok &= Expect("DMA aligned to 3", DeviceCalls.AllocateDma(device, 4096, 3, DmaFlags.None, out _), Err(SyscallError.InvalidArgument));
        ok &= Expect("DMA aligned to 1 GiB", DeviceCalls.AllocateDma(device, 4096, 1L << 30, DmaFlags.None, out _), Err(SyscallError.InvalidArgument));
        ok &= Expect("DMA with unknown flags", DeviceCalls.AllocateDma(device, 4096, 0, (DmaFlags)0x80, out _), Err(SyscallError.InvalidArgument));
        long ring = DeviceCalls.AllocateDma(device, 8192, 65536, DmaFlags.Below4GiB, out ulong ringPhysical);
        if (!Check("DMA allocation", ring > 0))
            return false;
        Console.WriteLine("e1000: DMA buffer at " + Hex((ulong)ring) + ", physical " + Hex(ringPhysical));
        ok &= Check("physical address aligned and below 4 GiB", ringPhysical % 65536 == 0 && ringPhysical + 8192 <= 1UL << 32 && ringPhysical != 0);
        bool zeroed = true;
        for (int i = 0; i < 8192; i++)
            zeroed &= ((byte*)ring)[i] == 0;
        ok &= Check("DMA memory is zeroed", zeroed);

        ok &= Expect("bus mastering on", DeviceCalls.SetBusMastering(device, true), 0);
        ok &= Check("the command register says so", (DeviceCalls.ConfigRead(device, 4, 2) & 0x4) != 0);
        E1000.StartTransmitter(registers, ringPhysical);
        E1000.PrepareDescriptor(ring, 0, ringPhysical + 4096);
        E1000.Write(registers, E1000.TransmitTail, 1);
        bool done = false;
        for (int i = 0; i < 1000 && !done; i++)
        {
            done = E1000.IsDone(ring, 0);
            if (!done)
                ProcessCalls.Sleep(1);
        }
        ok &= Check("the NIC wrote the descriptor back (DD) at the physical address we gave it", done);
        ok &= Expect("its head moved past the descriptor", E1000.Read(registers, E1000.TransmitHead), 1);
        if (done)
            Console.WriteLine("e1000: transmit descriptor written back by DMA");

        ok &= Interrupt(device, registers, index);
        ok &= PortsThroughTheBitmap(device, registers);

        // Wrong handles.
        ok &= Expect("the authority as a device", DeviceCalls.Map(Authority, 0), Err(SyscallError.WrongKind));
        ok &= Expect("a handle that is not open", DeviceCalls.Map(999, 0), Err(SyscallError.BadHandle));
        ok &= Expect("port access outside the device's ranges", DeviceCalls.PortRead(device, 0x80, 1), Err(SyscallError.InvalidArgument));
        ok &= Expect("close the device", Ports.Close(device), 0);
        ok &= Expect("the closed handle", DeviceCalls.Map(device, 0), Err(SyscallError.BadHandle));
        long again = DeviceCalls.Open(Authority, index);
        ok &= Check("open again after closing", again > 0);
        ok &= Check("closing turned bus mastering off", (DeviceCalls.ConfigRead(again, 4, 2) & 0x4) == 0);
        Ports.Close(again);
        return ok;
    }

    private static bool Interrupt(long device, long registers, int index)
    {
        DeviceInfo info = DeviceCalls.List()[index];
        int irq = info.Irq;
        long port = Ports.CreatePort();
        bool ok = Check("the e1000 has an interrupt line", irq > 0);
        ok &= Expect("binding a line the device does not raise", DeviceCalls.BindIrq(device, irq == 9 ? 10 : 9, port, 0), Err(SyscallError.InvalidArgument));
        ok &= Expect("binding its line", DeviceCalls.BindIrq(device, irq, port, 7), 0);
        ok &= Expect("binding it twice", DeviceCalls.BindIrq(device, irq, port, 6), Err(SyscallError.Exists));
        E1000.Read(registers, E1000.InterruptCause);
        E1000.Write(registers, E1000.InterruptMaskSet, E1000.TransmitWritten);
        E1000.Write(registers, E1000.InterruptCauseSet, E1000.TransmitWritten);
        var message = default(IpcMessage);
        ok &= Expect("the interrupt arrives as a notification", Ports.Receive(port, ref message, 2000), 0);
        ok &= Expect("bit 7", (long)message.Word0, 1L << 7);
        uint cause = E1000.Read(registers, E1000.InterruptCause);
        ok &= Check("ICR says transmit written back", (cause & E1000.TransmitWritten) != 0);
        ok &= Expect("acknowledge", DeviceCalls.AcknowledgeIrq(device, irq), 0);
        ok &= Expect("acknowledging a line it does not raise", DeviceCalls.AcknowledgeIrq(device, 3), Err(SyscallError.InvalidArgument));
        E1000.Write(registers, E1000.InterruptMaskClear, 0xFFFF_FFFF);
        if (ok)
            Console.WriteLine("e1000: interrupt " + irq.ToString() + " delivered to ring 3");
        return ok;
    }

    // The e1000's I/O BAR: IOADDR at +0 selects a register, IODATA at +4 reads it. QEMU's e1000
    // implements that window as a stub (reads give 0), so what counts here is that the `in`
    // and `out` run from ring 3 without a fault, and read what the kernel reads.
    private static bool PortsThroughTheBitmap(long device, long registers)
    {
        DeviceInfo info = DeviceCalls.List()[FindE1000()];
        int ioBase = -1;
        for (int r = 0; r < DeviceInfo.RegionCapacity; r++)
        {
            if ((DeviceRegionKind)info.RegionKind[r] == DeviceRegionKind.Io)
                ioBase = (int)info.RegionAddress[r];
        }
        if (!Check("the e1000 has an I/O BAR", ioBase > 0))
            return false;
        bool ok = Expect("enable its ports", DeviceCalls.EnablePorts(device), 0);
        DeviceCalls.Out32(ioBase, E1000.Status);
        uint viaPorts = DeviceCalls.In32(ioBase + 4);
        ok &= Check("IODATA from ring 3 is STATUS, or QEMU's stub 0", viaPorts == E1000.Read(registers, E1000.Status) || viaPorts == 0);
        ok &= Expect("the same through the kernel", DeviceCalls.PortWrite(device, ioBase, 4, E1000.Status), 0);
        ok &= Expect("and back", DeviceCalls.PortRead(device, ioBase + 4, 4), viaPorts);
        if (ok)
            Console.WriteLine("e1000: I/O ports " + Hex((ulong)ioBase) + " used from ring 3");
        return ok;
    }

    // The boot framebuffer: mapped write-combining where the CPU has a PAT (QEMU's max CPU does).
    private static bool MapFramebuffer()
    {
        int index = DeviceCalls.Find(DeviceCalls.List(), "framebuffer");
        if (!Check("a framebuffer", index >= 0))
            return false;
        long device = DeviceCalls.Open(Authority, index);
        long pixels = device > 0 ? DeviceCalls.Map(device, 0) : 0;
        if (!Check("open and map the framebuffer", pixels > 0))
            return false;
        for (int i = 0; i < 1024; i++)
            ((uint*)pixels)[i] = 0x00FF8000;
        bool ok = Expect("a pixel reads back", ((uint*)pixels)[17], 0x00FF8000);
        var mapping = (DeviceMapping)DeviceCalls.List()[index].RegionMapping[0];
        Console.WriteLine("framebuffer: mapped " + (mapping == DeviceMapping.WriteCombining ? "WC" : mapping == DeviceMapping.Uncached ? "UC" : "not"));
        ok &= Check("mapped write-combining", mapping == DeviceMapping.WriteCombining);
        ok &= Expect("config space of a legacy device", DeviceCalls.ConfigRead(device, 0, 4), Err(SyscallError.NotSupported));
        ok &= Expect("ports of a device that has none", DeviceCalls.EnablePorts(device), Err(SyscallError.NotSupported));
        ok &= Expect("bus mastering of a legacy device", DeviceCalls.SetBusMastering(device, true), Err(SyscallError.NotSupported));
        Ports.Close(device);
        return ok;
    }

    private static string Mac(uint low, uint high)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 6; i++)
        {
            uint value = i < 4 ? (low >> (8 * i)) & 0xFF : (high >> (8 * (i - 4))) & 0xFF;
            if (i > 0)
                text.Append(':');
            text.Append(value.ToString("x2"));
        }
        return text.ToString();
    }

    // Without the Devices right: a missing handle, a port, an authority with fewer rights, and a child with no authority at all.
    private static bool Denied()
    {
        int index = FindE1000();
        bool ok = Expect("no authority handle", DeviceCalls.Open(0, index), Err(SyscallError.Denied));
        ok &= Expect("a handle that is not open", DeviceCalls.Open(77, index), Err(SyscallError.Denied));
        long port = Ports.CreatePort();
        ok &= Expect("a port as the authority", DeviceCalls.Open(port, index), Err(SyscallError.Denied));
        long weaker = Ports.Duplicate(Authority, HandleRights.PowerOff | HandleRights.Transfer);
        ok &= Check("duplicate the authority with fewer rights", weaker > 0);
        ok &= Expect("an authority without the Devices right", DeviceCalls.Open(weaker, index), Err(SyscallError.Denied));
        long child = ProcessCalls.Spawn("usertest devices-unprivileged");
        ok &= Check("spawn a child without the authority", child > 0);
        ProcessCalls.Wait(child, out long status);
        ok &= Expect("the child found every device call refused", status, 0);
        return ok;
    }

    private static bool Unprivileged()
    {
        DeviceInfo[] devices = DeviceCalls.List();
        bool ok = Check("listing needs no right", devices.Length > 0);
        for (int i = 0; i < devices.Length; i++)
            ok &= Expect("open device " + i.ToString(), DeviceCalls.Open(Authority, i), Err(SyscallError.Denied));
        ok &= Expect("map without a device", DeviceCalls.Map(Authority, 0), Err(SyscallError.BadHandle));
        ok &= Expect("DMA without a device", DeviceCalls.AllocateDma(Authority, 4096, 0, DmaFlags.None, out _), Err(SyscallError.BadHandle));
        ok &= Expect("ports without a device", DeviceCalls.EnablePorts(Authority), Err(SyscallError.BadHandle));
        ok &= Expect("IRQ without a device", DeviceCalls.BindIrq(Authority, 11, 1, 0), Err(SyscallError.BadHandle));
        return ok;
    }

    // Allowed ports work; then an out to port 0x80, which the e1000 does not own: #GP, and the kernel ends us.
    private static bool PortFault()
    {
        int index = FindE1000();
        long device = DeviceCalls.Open(Authority, index);
        if (!Check("open", device > 0) || !Check("enable ports", DeviceCalls.EnablePorts(device) == 0))
            return false;
        DeviceInfo info = DeviceCalls.List()[index];
        int ioBase = 0;
        for (int r = 0; r < DeviceInfo.RegionCapacity; r++)
        {
            if ((DeviceRegionKind)info.RegionKind[r] == DeviceRegionKind.Io)
                ioBase = (int)info.RegionAddress[r];
        }
        DeviceCalls.Out32(ioBase, E1000.Status);
        Console.WriteLine("devices-port-fault: own port read " + Hex(DeviceCalls.In32(ioBase + 4)) + "; now out to port 0x80");
        DeviceCalls.Out8(0x80, 1);
        Console.WriteLine("devices-port-fault: still alive after an out to a port we do not own");
        return false;
    }

    // The parent: free memory before, a driver killed while its NIC transmits from 8 MiB of DMA memory, free memory after.
    private static bool KillDuringDma()
    {
        bool ok = true;
        int index = FindE1000();
        SpawnHandle[] handles = AuthorityOnly();
        long before = 0;
        for (int round = 0; round < 2; round++)
        {
            // Round 0 warms the kernel up (its heap grows once); round 1 counts. Pages this process's
            // own heap maps meanwhile are counted apart.
            long ownBefore = OwnPages.Count();
            ProcessCalls.GetMemoryInfo(out MemoryInfo start);
            before = start.FreePages;
            long child = ProcessCalls.Spawn("usertest devices-dma-hog", handles);
            if (!Check("spawn the driver", child > 0))
                return false;
            bool busy = false;
            for (int i = 0; i < 3000 && !busy; i++)
            {
                DeviceInfo info = DeviceCalls.List()[index];
                busy = info.OwnerProcessId == child && info.DmaBytes >= 8L << 20 && (info.Use & DeviceUse.BusMaster) != 0;
                if (!busy)
                    ProcessCalls.Sleep(2);
            }
            ok &= Check("the driver holds the NIC with 8 MiB of DMA memory", busy);
            ProcessCalls.GetMemoryInfo(out MemoryInfo during);
            ok &= Expect("kill the driver", ProcessCalls.Kill(child), 0);
            ProcessCalls.Wait(child, out _);
            ProcessCalls.GetMemoryInfo(out MemoryInfo after);
            long ownGrowth = OwnPages.Count() - ownBefore;
            DeviceInfo released = DeviceCalls.List()[index];
            ok &= Expect("the NIC has no owner", released.OwnerProcessId, 0);
            ok &= Expect("nor DMA memory", released.DmaBytes, 0);
            Console.WriteLine("devices-kill: round " + round.ToString() + ": free pages " + before.ToString() + " -> "
                + during.FreePages.ToString() + " (driver running) -> " + after.FreePages.ToString()
                + " (this process's own pages +" + ownGrowth.ToString() + ")");
            if (round == 1)
                ok &= Expect("free pages after the kill", after.FreePages + ownGrowth, before);
        }
        long device = DeviceCalls.Open(Authority, index);
        ok &= Check("the NIC can be opened again", device > 0);
        ok &= Check("its bus mastering was turned off", (DeviceCalls.ConfigRead(device, 4, 2) & 0x4) == 0);
        Ports.Close(device);
        return ok;
    }

    // The child: a driver that keeps its NIC transmitting until it is killed.
    private static bool DmaHog()
    {
        int index = FindE1000();
        long device = DeviceCalls.Open(Authority, index);
        long registers = device > 0 ? DeviceCalls.Map(device, 0) : 0;
        if (!Check("open and map", registers > 0))
            return false;
        long ring = DeviceCalls.AllocateDma(device, 4096, 0, DmaFlags.Below4GiB, out ulong ringPhysical);
        ulong packets = 0;
        for (int i = 0; i < 8; i++)
            DeviceCalls.AllocateDma(device, 1L << 20, 0, DmaFlags.None, out packets);
        DeviceCalls.SetBusMastering(device, true);
        for (int i = 0; i < 8; i++)
            E1000.PrepareDescriptor(ring, i, packets + (ulong)i * 64);
        E1000.StartTransmitter(registers, ringPhysical);
        for (uint tail = 1; ; tail = (tail + 1) & 7)
        {
            *(byte*)(ring + (int)((tail + 7) & 7) * E1000.DescriptorBytes + 12) = 0;
            E1000.Write(registers, E1000.TransmitTail, tail);
            ProcessCalls.Yield();
        }
    }

    // The NIC's interrupt, on the line the kernel's AHCI driver uses too, while that driver does disk I/O.
    private static bool SharedLine(int rounds)
    {
        DeviceInfo[] devices = DeviceCalls.List();
        int index = DeviceCalls.Find(devices, "e1000");
        int ahci = DeviceCalls.Find(devices, "ahci");
        if (!Check("an e1000 and an AHCI controller", index >= 0 && ahci >= 0))
            return false;
        int irq = devices[index].Irq;
        bool ok = Expect("they share a line", devices[ahci].Irq, irq);
        Console.WriteLine("devices-shared: e1000 and ahci on irq " + irq.ToString());
        ok &= Expect("the kernel's AHCI controller cannot be opened", DeviceCalls.Open(Authority, ahci), Err(SyscallError.Busy));
        long device = DeviceCalls.Open(Authority, index);
        long registers = DeviceCalls.Map(device, 0);
        long port = Ports.CreatePort();
        ok &= Expect("bind the shared line", DeviceCalls.BindIrq(device, irq, port, 1), 0);
        E1000.Write(registers, E1000.InterruptMaskSet, E1000.TransmitWritten);
        byte[] text = new byte[512];
        int delivered = 0, written = 0;
        for (int round = 0; round < rounds; round++)
        {
            E1000.Write(registers, E1000.InterruptCauseSet, E1000.TransmitWritten);
            var message = default(IpcMessage);
            if (Ports.Receive(port, ref message, 2000) == 0 && message.Word0 == 2)
                delivered++;
            E1000.Read(registers, E1000.InterruptCause);
            DeviceCalls.AcknowledgeIrq(device, irq);
            for (int i = 0; i < text.Length; i++)
                text[i] = (byte)('a' + (round + i) % 26);
            if (WriteAndCheck("/disk/shared" + (round % 4).ToString() + ".txt", text))
                written++;
        }
        Console.WriteLine("devices-shared: " + delivered.ToString() + " of " + rounds.ToString() + " NIC interrupts in ring 3, "
            + written.ToString() + " of " + rounds.ToString() + " AHCI file round trips");
        ok &= Expect("NIC interrupts delivered", delivered, rounds);
        ok &= Expect("AHCI writes read back", written, rounds);
        E1000.Write(registers, E1000.InterruptMaskClear, 0xFFFF_FFFF);
        return ok;
    }

    private static bool WriteAndCheck(string path, byte[] bytes)
    {
        long fd = FileCalls.Open(path, FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate);
        if (fd < 0)
            return false;
        FileCalls.Write(fd, bytes, 0, bytes.Length);
        FileCalls.Close(fd);
        if (FileCalls.Sync() < 0)
            return false;
        fd = FileCalls.Open(path, FileOpenFlags.Read);
        if (fd < 0)
            return false;
        byte[] back = new byte[bytes.Length];
        long read = FileCalls.Read(fd, back, 0, back.Length);
        FileCalls.Close(fd);
        if (read != bytes.Length)
            return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (back[i] != bytes[i])
                return false;
        }
        return true;
    }
}
