namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// Per-port registers, as offsets from the port's block (ABAR + 0x100 + port × 0x80),
/// and their bits (Serial ATA AHCI 1.3.1, section 3.3).
/// </summary>
internal static class AhciPortRegisters
{
    public const ulong CommandListBase = 0x00;        // PxCLB (1 KiB aligned)
    public const ulong CommandListBaseUpper = 0x04;   // PxCLBU
    public const ulong FisBase = 0x08;                // PxFB (256-byte aligned)
    public const ulong FisBaseUpper = 0x0C;           // PxFBU
    public const ulong InterruptStatus = 0x10;        // PxIS, write 1 to clear
    public const ulong InterruptEnable = 0x14;        // PxIE
    public const ulong Command = 0x18;                // PxCMD
    public const ulong TaskFileData = 0x20;           // PxTFD: ATA status (7:0) and error (15:8)
    public const ulong Signature = 0x24;              // PxSIG
    public const ulong SataStatus = 0x28;             // PxSSTS
    public const ulong SataControl = 0x2C;            // PxSCTL
    public const ulong SataError = 0x30;              // PxSERR, write 1 to clear
    public const ulong SataActive = 0x34;             // PxSACT
    public const ulong CommandIssue = 0x38;           // PxCI

    public const uint CmdStart = 1u << 0;             // ST
    public const uint CmdSpinUp = 1u << 1;            // SUD
    public const uint CmdPowerOn = 1u << 2;           // POD
    public const uint CmdCommandListOverride = 1u << 3; // CLO
    public const uint CmdFisReceiveEnable = 1u << 4;  // FRE
    public const uint CmdFisReceiveRunning = 1u << 14; // FR
    public const uint CmdListRunning = 1u << 15;      // CR

    public const uint IsDeviceToHostFis = 1u << 0;    // DHRS: a D2H register FIS arrived (non-data command done)
    public const uint IsPioSetupFis = 1u << 1;        // PSS
    public const uint IsDmaSetupFis = 1u << 2;        // DSS
    public const uint IsSetDeviceBits = 1u << 3;      // SDBS
    public const uint IsDescriptorProcessed = 1u << 5; // DPS
    public const uint IsOverflow = 1u << 24;          // OFS
    public const uint IsInterfaceFatal = 1u << 27;    // IFS
    public const uint IsHostBusData = 1u << 28;       // HBDS
    public const uint IsHostBusFatal = 1u << 29;      // HBFS
    public const uint IsTaskFileError = 1u << 30;     // TFES

    /// <summary>Status bits that end a command in failure.</summary>
    public const uint IsErrors = IsTaskFileError | IsHostBusFatal | IsHostBusData | IsInterfaceFatal | IsOverflow;

    /// <summary>What we let interrupt: completions and errors (no hot-plug events: they need extra handling).</summary>
    public const uint InterruptsWanted = IsDeviceToHostFis | IsPioSetupFis | IsDmaSetupFis | IsSetDeviceBits | IsDescriptorProcessed | IsErrors;

    public const uint SstsDetectionMask = 0x0F;       // DET
    public const uint SstsDevicePresent = 0x03;       // device present, phy communication established
    public const int SstsPowerShift = 8;              // IPM
    public const uint SstsPowerMask = 0x0F;
    public const uint SstsPowerActive = 0x01;

    public const uint SctlDetectionMask = 0x0F;
    public const uint SctlComReset = 0x01;            // DET = 1: send COMRESET while set

    /// <summary>PxSIG values from the device's first D2H FIS.</summary>
    public const uint SignatureAta = 0x0000_0101;
    public const uint SignatureAtapi = 0xEB14_0101;
    public const uint SignatureEnclosure = 0xC33C_0101;
    public const uint SignaturePortMultiplier = 0x9669_0101;
}
