namespace CosmosHybrid.Drivers.Pci;

/// <summary>Offsets and bits of the configuration-space header (PCI Local Bus 3.0, chapter 6).</summary>
internal static class PciRegisters
{
    public const int VendorId = 0x00;
    public const int DeviceId = 0x02;
    public const int Command = 0x04;
    public const int Status = 0x06;
    public const int Revision = 0x08;
    public const int ProgIf = 0x09;
    public const int Subclass = 0x0A;
    public const int ClassCode = 0x0B;
    public const int HeaderType = 0x0E;
    public const int Bar0 = 0x10;
    public const int SecondaryBus = 0x19;        // type-1 (bridge) header
    public const int InterruptLine = 0x3C;
    public const int InterruptPin = 0x3D;

    /// <summary>No function answers at this address: reads return all ones.</summary>
    public const ushort NoVendor = 0xFFFF;

    /// <summary>Header type bit 7: the device implements functions 1–7 as well.</summary>
    public const byte MultiFunction = 0x80;
    public const byte HeaderLayoutMask = 0x7F;
    public const byte GeneralHeader = 0x00;
    public const byte BridgeHeader = 0x01;

    public const ushort CommandIoSpace = 1 << 0;
    public const ushort CommandMemorySpace = 1 << 1;
    public const ushort CommandBusMaster = 1 << 2;
    public const ushort CommandInterruptDisable = 1 << 10;
    public const ushort StatusInterrupt = 1 << 3;

    /// <summary>BARs in a general (type 0) header; a bridge (type 1) has only the first two.</summary>
    public const int GeneralBarCount = 6;
    public const int BridgeBarCount = 2;

    public const byte ClassMassStorage = 0x01;
    public const byte ClassBridge = 0x06;
    public const byte SubclassPciToPciBridge = 0x04;
}
