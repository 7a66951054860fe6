using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// Prepares what ILC's output expects before any managed code touches a static
/// field: every reference-type static lives in a heap object that must be allocated
/// here (and filled with its compile-time data when the compiler precomputed it).
/// </summary>
internal static unsafe class StartupCodeHelpers
{
    private const uint ReadyToRunSignature = 0x00525452; // "RTR"
    private const int GCStaticRegionSection = 201;
    private const int ThreadStaticRegionSection = 202;
    private const int FrozenObjectRegionSection = 206;

    // Slot flags in the low bits of each GC static slot's initial value.
    private const nint UninitializedFlag = 1;
    private const nint HasPreInitializedDataFlag = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct ReadyToRunHeader
    {
        public uint Signature;
        public ushort MajorVersion;
        public ushort MinorVersion;
        public uint Flags;
        public ushort SectionCount;
        public byte EntrySize;
        public byte EntryType;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ModuleSection
    {
        public int Id;
        public int Flags;
        public byte* Start;
        public byte* End;
    }

    /// <summary>Returns false when the header is not ILC's ReadyToRun header.</summary>
    public static bool Initialize(void* readyToRunHeader)
    {
        ReadyToRunHeader* header = (ReadyToRunHeader*)readyToRunHeader;
        if (header->Signature != ReadyToRunSignature)
            return false;

        ModuleSection* sections = (ModuleSection*)(header + 1);
        for (int i = 0; i < header->SectionCount; i++)
        {
            if (sections[i].Id == GCStaticRegionSection)
            {
                InitializeGCStatics(sections[i].Start, sections[i].End);
                GC.GCRoots.RegisterStaticRegion(sections[i].Start, sections[i].End);
            }
            else if (sections[i].Id == ThreadStaticRegionSection)
            {
                ThreadStatics.RegisterRegion(sections[i].Start, sections[i].End);
            }
            else if (sections[i].Id == FrozenObjectRegionSection)
            {
                GC.GCRoots.RegisterFrozenRegion(sections[i].Start, sections[i].End);
            }
        }

        // Every static block exists now, so the collector can find all roots.
        GC.GCHeap.EnableCollection();
        return true;
    }

    private static void InitializeGCStatics(byte* start, byte* end)
    {
        for (int* entry = (int*)start; entry < (int*)end; entry++)
        {
            nint* slot = (nint*)((byte*)entry + *entry);
            nint value = *slot;
            if ((value & UninitializedFlag) == 0)
                continue;

            // The slot holds a relative pointer (to the static block's type) tagged with flags.
            int* typeReference = (int*)slot;
            MethodTable* type = (MethodTable*)((byte*)typeReference + (*typeReference & ~3));
            object block = Allocator.NewObject(type);

            if ((value & HasPreInitializedDataFlag) != 0)
            {
                int* dataReference = typeReference + 1;
                byte* data = (byte*)dataReference + *dataReference;
                byte* fields = *(byte**)System.Runtime.CompilerServices.Unsafe.AsPointer(ref block) + sizeof(nint);
                System.SpanHelpers.Memmove(fields, data, type->BaseSize - (nuint)(2 * sizeof(nint)));
            }

            *slot = *(nint*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref block);
        }
    }
}
