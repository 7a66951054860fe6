using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Fuzz.Generation;

/// <summary>
/// Makes random system calls from a seed: a number (most often a real one, sometimes any value)
/// and arguments shaped by what the call takes, drawn from adversarial pools (kernel,
/// non-canonical, unmapped and misaligned pointers, lengths across the end of a mapping, every
/// handle value, odd paths and names). Structures a call points at (paths, messages, spawn
/// requests) are written into the layout's scratch area. Pure: it makes no system call itself,
/// so the host tests run it. One generator per thread.
/// </summary>
public sealed unsafe class CallGenerator
{
    /// <summary>Every number the kernel defines (SyscallNumber), as a table to draw from.</summary>
    public static readonly long[] KnownNumbers =
    {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45,
        64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79,
        96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106,
        112, 128, 129, 130, 131, 136, 144, 145, 146, 147, 148, 149, 152, 153, 154, 160, 161, 162, 168,
        176, 177, 181,
    };

    /// <summary>Names the fuzzer looks up (and messages, in IPC mode) but never registers.</summary>
    public static readonly string[] ServiceNames = { "net", "ui", "echo", "echo-bulk", "init", "input", "e1000", "test-reserved" };

    private const int PageSize = 4096;
    private const int MaxOwnMappings = 4;
    /// <summary>The scratch area's first part holds the generated structures; the kernel writes into the rest.</summary>
    private const int StructureBytes = 2048;

    private SplitMix64 _random;
    private readonly FuzzRole _role;
    private readonly FuzzLayout _layout;
    private readonly long[] _handles = new long[16];
    private readonly long[] _processIds = new long[8];
    private readonly ulong[] _mappings = new ulong[MaxOwnMappings];
    private readonly long[] _mappingPages = new long[MaxOwnMappings];
    private int _nextHandle;
    private int _nextProcessId;
    private int _structure;

    public CallGenerator(ulong seed, FuzzRole role, FuzzLayout layout)
    {
        _random = new SplitMix64(seed);
        _role = role;
        _layout = layout;
    }

    public FuzzRole Role => _role;

    /// <summary>Remembers a handle a call returned, to aim later calls at real objects.</summary>
    public void NoteHandle(long handle)
    {
        if (handle > 0)
            _handles[_nextHandle++ % _handles.Length] = handle;
    }

    /// <summary>
    /// Remembers a process the caller started (its own descendant), a target for Kill and Wait. Returns the
    /// process it forgets to make room (0 if none): the caller ends and reaps it, or the programs random
    /// spawns started would hold the process quota for the rest of a long run.
    /// </summary>
    public long NoteProcess(long processId)
    {
        if (processId <= 0)
            return 0;
        ref long slot = ref _processIds[_nextProcessId++ % _processIds.Length];
        long forgotten = slot;
        slot = processId;
        return forgotten;
    }

    /// <summary>Remembers a MapMemory result; returns false when the table is full (the caller unmaps it at once).</summary>
    public bool NoteMapping(ulong address, long pages)
    {
        for (int i = 0; i < _mappings.Length; i++)
        {
            if (_mappings[i] == 0)
            {
                _mappings[i] = address;
                _mappingPages[i] = pages;
                return true;
            }
        }
        return false;
    }

    /// <summary>The next call. Arguments the kernel reads are written to the scratch area first.</summary>
    public FuzzCall Next()
    {
        _structure = 0;
        long number = PickNumber();
        var call = new FuzzCall { Number = number };
        Shape(ref call);
        return call;
    }

    private long PickNumber()
    {
        while (true)
        {
            long number = _random.Below(8) switch
            {
                0 => _random.Below(256),
                1 => Extreme(),
                _ => KnownNumbers[_random.Below(KnownNumbers.Length)],
            };
            if (Exclusions.IsNeverCalled(number))
                continue;
            if (_role == FuzzRole.Main && Exclusions.IsChildOnly(number))
                continue;
            // A child that ends itself at once fuzzes little: let it do so now and then only.
            if ((number == (long)SyscallNumber.Exit || number == (long)SyscallNumber.ExitThread) && !_random.OneIn(8))
                continue;
            return number;
        }
    }

    private long Extreme() => _random.Below(6) switch
    {
        0 => -1,
        1 => long.MinValue,
        2 => long.MaxValue,
        3 => 0x1_0000_0000L + _random.Below(200),   // a real number in the low 32 bits
        4 => 169 + _random.Below(4000),
        _ => (long)_random.Next(),
    };

    private void Shape(ref FuzzCall call)
    {
        switch ((SyscallNumber)call.Number)
        {
            case SyscallNumber.Exit: call.A0 = Integer(); break;
            case SyscallNumber.ConsoleWrite:
                // Never garbage on the console (it would confuse whoever reads it): only pointers the kernel must refuse.
                call.A0 = (long)BadPointer(); call.A1 = Length(); break;
            case SyscallNumber.Sleep: call.A0 = Milliseconds(); break;
            case SyscallNumber.Spawn: CommandLine(out call.A0, out call.A1); break;
            case SyscallNumber.Wait: call.A0 = ProcessId(forWait: true); call.A1 = (long)Pointer(); break;
            case SyscallNumber.Kill: call.A0 = ProcessId(forWait: false); call.A1 = Handle(); break;
            case SyscallNumber.MapMemory: call.A0 = Pages(); break;
            case SyscallNumber.UnmapMemory: Unmap(ref call); break;
            case SyscallNumber.ListProcesses:
            case SyscallNumber.ListPciDevices:
            case SyscallNumber.GetWorkingDirectory:
            case SyscallNumber.ListMounts:
            case SyscallNumber.DeviceList:
            case SyscallNumber.StopOtherThreads:
                call.A0 = (long)Pointer(); call.A1 = Length(); break;
            case SyscallNumber.GetMemoryInfo:
            case SyscallNumber.PipeCreate:
            case SyscallNumber.SetThreadPointer:
                call.A0 = (long)Pointer(); break;
            case SyscallNumber.CreateThread: call.A0 = (long)CodePointer(); call.A1 = (long)Pointer(); call.A2 = Integer(); break;
            case SyscallNumber.GetProcessInfo: call.A0 = AnyProcessId(); call.A1 = (long)Pointer(); break;
            case SyscallNumber.DescribeAddress: call.A0 = (long)CodePointer(); call.A1 = (long)Pointer(); call.A2 = Length(); break;
            case SyscallNumber.SpawnEx: call.A0 = (long)SpawnRequestPointer(); break;
            case SyscallNumber.HandleClose:
            case SyscallNumber.FileClose:
            case SyscallNumber.DevicePortsEnable:
            case SyscallNumber.BlockFlush:
            case SyscallNumber.ConsoleInputOpen:
                call.A0 = Handle(); break;
            case SyscallNumber.HandleDuplicate:
            case SyscallNumber.PortNotify:
            case SyscallNumber.IrqAcknowledge:
            case SyscallNumber.DeviceOpen:
            case SyscallNumber.DeviceMap:
            case SyscallNumber.DeviceBusMaster:
            case SyscallNumber.DeviceIrqTimestamp:
            case SyscallNumber.FileSetLength:
                call.A0 = Handle(); call.A1 = Integer(); break;
            case SyscallNumber.PortSend: call.A0 = Handle(); call.A1 = (long)MessagePointer(); call.A2 = Timeout(); break;
            case SyscallNumber.PortReceive: call.A0 = Handle(); call.A1 = (long)Pointer(); call.A2 = Timeout(); break;
            case SyscallNumber.PortCall:
            case SyscallNumber.PortReplyWait:
                call.A0 = Handle(); call.A1 = Integer(); call.A2 = Integer(); call.A3 = Integer(); call.A4 = Integer(); call.A5 = Integer(); break;
            case SyscallNumber.PortCallEx: call.A0 = Handle(); call.A1 = (long)MessagePointer(); call.A2 = (long)Pointer(); break;
            case SyscallNumber.PortReplyEx: call.A0 = (long)MessagePointer(); break;
            case SyscallNumber.IrqBind: call.A0 = Handle(); call.A1 = Integer(); call.A2 = Handle(); call.A3 = Integer(); break;
            case SyscallNumber.NameRegister:
                Name(out call.A0, out call.A1, mayBeService: false); call.A2 = Handle(); call.A3 = Handle(); break;
            case SyscallNumber.NameLookup: Name(out call.A0, out call.A1, mayBeService: true); break;
            case SyscallNumber.FileOpen:
            case SyscallNumber.StreamOpenFile:
                OpenPath(ref call); break;
            case SyscallNumber.FileRead:
            case SyscallNumber.FileWrite:
            case SyscallNumber.DirectoryRead:
            case SyscallNumber.StreamRead:
            case SyscallNumber.StreamWrite:
                call.A0 = Handle(); call.A1 = (long)Pointer(); call.A2 = Length(); break;
            case SyscallNumber.FileSeek: call.A0 = Handle(); call.A1 = Integer(); call.A2 = _random.Below(5) - 1; break;
            case SyscallNumber.FileStat: Path(out call.A0, out call.A1, destructive: false); call.A2 = (long)Pointer(); break;
            case SyscallNumber.DirectoryCreate:
            case SyscallNumber.Unlink:
                Path(out call.A0, out call.A1, destructive: true); break;
            case SyscallNumber.Rename:
                Path(out call.A0, out call.A1, destructive: true); Path(out call.A2, out call.A3, destructive: true); break;
            case SyscallNumber.ChangeDirectory: Path(out call.A0, out call.A1, destructive: false); break;
            case SyscallNumber.FileReadAt: call.A0 = Handle(); call.A1 = (long)Pointer(); call.A2 = Length(); call.A3 = Integer(); break;
            case SyscallNumber.DeviceConfigRead:
            case SyscallNumber.DevicePortRead:
                call.A0 = Handle(); call.A1 = Integer(); call.A2 = Integer(); break;
            case SyscallNumber.DeviceConfigWrite:
            case SyscallNumber.DevicePortWrite:
                call.A0 = Handle(); call.A1 = Integer(); call.A2 = Integer(); call.A3 = Integer(); break;
            case SyscallNumber.DeviceDmaAllocate:
                call.A0 = Handle(); call.A1 = Length(); call.A2 = Integer(); call.A3 = Integer(); call.A4 = (long)Pointer(); break;
            case SyscallNumber.NameReserve: call.A0 = Handle(); Name(out call.A1, out call.A2, mayBeService: true); break;
            case SyscallNumber.BlockOpen: call.A0 = Handle(); Path(out call.A1, out call.A2, destructive: false); break;
            case SyscallNumber.BlockGeometry: call.A0 = Handle(); call.A1 = (long)Pointer(); break;
            case SyscallNumber.BlockRead:
            case SyscallNumber.BlockWrite:
                call.A0 = Handle(); call.A1 = Integer(); call.A2 = (long)Pointer(); call.A3 = Length(); break;
            case SyscallNumber.FileServerAttach: call.A0 = Handle(); call.A1 = Handle(); call.A2 = (long)Pointer(); call.A3 = Length(); break;
            case SyscallNumber.FutexWait: call.A0 = (long)Pointer(); call.A1 = _random.Below(3) - 1; call.A2 = Timeout(); break;
            case SyscallNumber.FutexWake: call.A0 = (long)Pointer(); call.A1 = Integer(); break;
            case SyscallNumber.BootMilestoneReached: call.A0 = Integer(); break;
            case SyscallNumber.ProfileStart: call.A0 = AnyProcessId(); break;
            case SyscallNumber.ProfileStop: call.A0 = (long)Pointer(); call.A1 = Length(); call.A2 = Integer(); break;
            case SyscallNumber.FaultInject:
                // Any authority, any process (the fuzzer's own, a service's, none), any kind and seed.
                call.A0 = Handle(); call.A1 = AnyProcessId(); call.A2 = _random.OneIn(2) ? _random.Below(12) - 2 : Integer(); call.A3 = Integer(); break;
            case SyscallNumber.PlaceVolume:
                call.A0 = Handle(); Path(out call.A1, out call.A2, destructive: false); call.A3 = _random.OneIn(2) ? _random.Below(4) - 1 : Integer(); break;
            case SyscallNumber.SetFaultEntry: call.A0 = (long)CodePointer(); call.A1 = (long)CodePointer(); call.A2 = (long)CodePointer(); break;
            default:
                // A number the kernel does not define (or one taking no arguments): anything at all.
                call.A0 = Any(); call.A1 = Any(); call.A2 = Any(); call.A3 = Any(); call.A4 = Any(); call.A5 = Any(); break;
        }
    }

    // ---- pools ----

    private long Any() => _random.Below(5) switch
    {
        0 => (long)Pointer(),
        1 => Length(),
        2 => Handle(),
        _ => Integer(),
    };

    /// <summary>Flags, rights, tags, offsets, statuses: edges and random bits.</summary>
    public long Integer() => _random.Below(10) switch
    {
        0 => 0,
        1 => 1,
        2 => -1,
        3 => long.MinValue,
        4 => long.MaxValue,
        5 => 1L << _random.Below(64),
        6 => _random.Below(64),
        7 => (long)(_random.Next() & 0xFFFF_FFFF),
        _ => (long)_random.Next(),
    };

    /// <summary>Byte counts and capacities: zero, around a page, huge and negative ones.</summary>
    public long Length() => _random.Below(12) switch
    {
        0 => 0,
        1 => 1,
        2 => 7,
        3 => PageSize - 1,
        4 => PageSize,
        5 => PageSize + 1,
        6 => 1 << 20,
        7 => -1,
        8 => long.MaxValue,
        9 => 1L << 32,
        _ => _random.Below(2 * PageSize),
    };

    /// <summary>
    /// A handle value: one a call returned, a small one (every slot of a small table), a large,
    /// negative or truncating one. The main process never names its standard output or error.
    /// </summary>
    public long Handle()
    {
        long handle = _random.Below(8) switch
        {
            0 or 1 or 2 => _handles[_random.Below(_handles.Length)],
            3 or 4 => _random.Below(80),
            5 => _random.Below(2) == 0 ? -1 : long.MinValue,
            6 => (1L << 32) + _random.Below(80),
            _ => 1L << _random.Below(63),
        };
        if (_role == FuzzRole.Main && Exclusions.IsProtectedHandle(handle))
            return 0;
        return handle;
    }

    /// <summary>A pointer the kernel may write to or read from: mostly scratch, often hostile.</summary>
    public ulong Pointer()
    {
        int choice = _random.Below(10);
        if (choice < 4)
            return ScratchPointer();
        if (choice == 4)
            return ScratchEnd() - (ulong)(1 << _random.Below(12));   // a length past it crosses into the unmapped page
        if (choice == 5 && _role == FuzzRole.Child)
            return _random.OneIn(2) ? _layout.StackAddress - (ulong)_random.Below(512) : _layout.CodeAddress;
        if (choice == 6)
        {
            ulong mapping = _mappings[_random.Below(_mappings.Length)];
            if (mapping != 0)
                return mapping + (ulong)_random.Below(PageSize * 2);
        }
        return BadPointer();
    }

    /// <summary>Pointers no system call may accept: kernel, non-canonical, unmapped, null-page ones.</summary>
    public ulong BadPointer() => _random.Below(12) switch
    {
        0 => 0,
        1 => (ulong)_random.Below(PageSize),
        2 => 0xFFFF_8000_0000_0000UL + ((ulong)_random.Below(1 << 20) << 12),
        3 => 0xFFFF_FFFF_8000_0000UL + (ulong)_random.Below(1 << 24),
        4 => 0xFFFF_FFFF_FFFF_F000UL + (ulong)_random.Below(PageSize),
        5 => 0x0000_8000_0000_0000UL,
        6 => 0x0000_7FFF_FFFF_F000UL + (ulong)_random.Below(PageSize),   // the top of user space: canonical, never mapped
        7 => 0x8000_0000_0000_0000UL | _random.Next(),
        8 => ScratchEnd() + (ulong)_random.Below(PageSize),   // the unmapped guard page
        9 => 0x10_0000UL + (ulong)_random.Below(1 << 20),   // below user space: where the kernel is loaded
        10 => 0x0000_7FFF_FFFF_0000UL - (ulong)_random.Below(16),   // just below the end of user space, crossing it
        _ => 0x1234_5678_9ABC_DEF0UL,
    };

    private ulong ScratchPointer()
    {
        ulong offset = (ulong)(StructureBytes + _random.Below(_layout.ScratchBytes - StructureBytes));
        if (!_random.OneIn(3))
            offset &= ~7UL;   // mostly aligned; a third misaligned
        return _layout.Scratch + offset;
    }

    private ulong ScratchEnd() => _layout.Scratch + (ulong)_layout.ScratchBytes;

    private ulong CodePointer()
    {
        if (_role == FuzzRole.Main)
            return BadPointer();
        return _random.Below(4) switch
        {
            0 => _layout.CodeAddress + (ulong)_random.Below(64),
            1 => ScratchPointer(),
            _ => BadPointer(),
        };
    }

    private long Milliseconds() => _random.Below(6) switch
    {
        0 => 0,
        1 => 1,
        2 => -1,
        3 => long.MinValue,
        4 => _random.Below(5),
        _ => _random.Below(20),
    };

    /// <summary>A time-out: the main process never waits for ever (-1) nor long.</summary>
    private long Timeout()
    {
        if (_role == FuzzRole.Main)
            return _random.Below(4) switch { 0 => 0, 1 => 1, _ => _random.Below(10) };
        return _random.Below(6) switch { 0 => 0, 1 => -1, 2 => long.MinValue, 3 => long.MaxValue, _ => _random.Below(20) };
    }

    private long Pages() => _random.Below(8) switch
    {
        0 => 0,
        1 => -1,
        2 => 64 * 1024,
        3 => 64 * 1024 + 1,
        4 => long.MaxValue,
        _ => 1 + _random.Below(16),
    };

    private void Unmap(ref FuzzCall call)
    {
        int slot = _random.Below(_mappings.Length);
        if (_mappings[slot] != 0 && !_random.OneIn(4))
        {
            // One of the fuzzer's own mappings: exactly (which frees it), or wrongly sized, or at a wrong address.
            call.A0 = (long)_mappings[slot];
            call.A1 = _mappingPages[slot];
            if (_random.OneIn(4))
                call.A1 += _random.OneIn(2) ? 1 : -1;
            else if (_random.OneIn(4))
                call.A0 += PageSize;
            else
                _mappings[slot] = 0;   // freed by this call
            return;
        }
        // The main process's other memory (heap, stack, scratch) is not fair game: only addresses that are not a mapping's start.
        call.A0 = _role == FuzzRole.Main || _random.OneIn(2) ? (long)BadPointer() : (long)ScratchPointer() & ~(PageSize - 1L);
        call.A1 = Pages();
    }

    /// <summary>
    /// A process id. The main process waits only for ids that cannot be its running children;
    /// neither role ever names an unrelated live process to Kill (they have no right to, but the
    /// fuzzer does not rely on that): only its own children, itself (a child), or ids that are no process.
    /// </summary>
    private long ProcessId(bool forWait)
    {
        int choice = _random.Below(6);
        if (choice == 0 && !(forWait && _role == FuzzRole.Main))
        {
            long own = _processIds[_random.Below(_processIds.Length)];
            if (own != 0)
                return own;
        }
        if (choice == 1 && _role == FuzzRole.Child)
            return _layout.SelfProcessId;
        return _random.Below(forWait ? 5 : 4) switch
        {
            0 => 0,
            1 => -1,
            2 => long.MinValue,
            3 => 1_000_000 + _random.Below(1000),
            _ => (1L << 32) + _random.Below(8),   // Wait only: truncates to a small (live) id, must not alias it
        };
    }

    private long AnyProcessId() => _random.Below(4) switch
    {
        0 => 0,
        1 => -1,
        2 => _layout.SelfProcessId,
        _ => _random.Below(40),
    };

    // ---- structures in scratch ----

    private byte* Structure(int bytes)
    {
        if (_structure + bytes > StructureBytes)
            _structure = 0;
        byte* start = (byte*)_layout.Scratch + _structure;
        _structure += (bytes + 7) & ~7;
        return start;
    }

    private ulong Text(string text)
    {
        byte* bytes = Structure(text.Length);
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return (ulong)bytes;
    }

    /// <summary>
    /// A string argument: its pointer and a length that is mostly right, sometimes wrong. A length past
    /// the text of a destructive call's path would let the kernel read what earlier calls left in the
    /// scratch area ("/bin", a directory entry's name): those bytes become '*', which no name holds.
    /// </summary>
    private void StringArgument(string text, out long pointer, out long length, bool destructive = true)
    {
        pointer = (long)Text(text);
        length = text.Length;
        switch (_random.Below(10))
        {
            case 0: length = text.Length + 1 + _random.Below(PageSize); break;
            case 1: length = -1 - _random.Below(3); break;
            case 2: length = 1L << (20 + _random.Below(40)); break;
            case 3: pointer = (long)BadPointer(); return;
        }
        if (destructive && length > text.Length)
        {
            ulong end = ScratchEnd();
            ulong stop = (ulong)length > end - (ulong)pointer ? end : (ulong)pointer + (ulong)length;
            for (byte* b = (byte*)pointer + text.Length; (ulong)b < stop; b++)
                *b = (byte)'*';
        }
    }

    private static readonly string[] s_readableFiles =
    {
        "/", "/bin", "/bin/true.elf", "/README.TXT", "/etc/services", ".", "..", "/bin/../bin/./true.elf",
        "/disk", "/nonexistent/deeper/file", "//", "/bin/",
    };

    private static readonly string[] s_garbageBits =
    {
        "", "*", "?", "<>|\"", "\\", "con", "AUX", " ", "fz ", "fz.", "fz..", "\u00ff\u00fe", "\u0001\u0002\u001f",
        "/fzbox/a/b/c/d/e/f/g", "/fzbox/", "/fzbox//fz", "/fzbox/./fz", "/fzbox/../fzbox/fz",
    };

    /// <summary>
    /// A path. Ones a destructive call gets (create, delete, rename, write) can only name what the
    /// fuzzer itself may create: names starting "fz" (relative, or under /fzbox) and invalid names,
    /// so it never damages the system's own files; read-only calls also get real files.
    /// </summary>
    private string PathText(bool destructive)
    {
        int choice = _random.Below(destructive ? 6 : 8);
        switch (choice)
        {
            case 0: return "fz" + RandomName();
            case 1: return "/fzbox/fz" + RandomName();
            case 2: return "/fzbox";
            case 3: return s_garbageBits[_random.Below(s_garbageBits.Length)];
            case 4: return new string('x', 200 + _random.Below(400));
            case 5:
                var builder = new char[1 + _random.Below(40)];
                for (int i = 0; i < builder.Length; i++)
                {
                    char c = (char)(1 + _random.Below(255));
                    builder[i] = c == '/' || c == '.' ? '*' : c;   // one invalid, never existing, component
                }
                return "fz" + new string(builder) + "*";
            default: return s_readableFiles[_random.Below(s_readableFiles.Length)];
        }
    }

    private string RandomName()
    {
        var name = new char[1 + _random.Below(12)];
        for (int i = 0; i < name.Length; i++)
            name[i] = (char)('a' + _random.Below(26));
        return new string(name);
    }

    private void Path(out long pointer, out long length, bool destructive) =>
        StringArgument(PathText(destructive), out pointer, out length, destructive);

    private void OpenPath(ref FuzzCall call)
    {
        long flags = _random.OneIn(4) ? Integer() : _random.Below(64);
        bool writes = (flags & ~(long)FileOpenFlags.Read) != 0;   // any bit but Read may create, truncate or write
        Path(out call.A0, out call.A1, destructive: writes);
        call.A2 = flags;
    }

    private void Name(out long pointer, out long length, bool mayBeService)
    {
        string name = mayBeService && _random.OneIn(2)
            ? ServiceNames[_random.Below(ServiceNames.Length)]
            : _random.OneIn(2) ? "fz" + RandomName() : PathText(destructive: true);
        StringArgument(name, out pointer, out length);
    }

    private static readonly string[] s_commandLines =
    {
        "true", "/bin/true", "true with arguments", "/bin/true.elf", "fznothing", "", " ", "/bin", "/", "/fzbox/fz",
        "../bin/true", "true\u0000hidden",
    };

    private string CommandLineText() =>
        _random.OneIn(3) ? PathText(destructive: true) : s_commandLines[_random.Below(s_commandLines.Length)];

    private void CommandLine(out long pointer, out long length) => StringArgument(CommandLineText(), out pointer, out length);

    /// <summary>An IpcMessage with random words and hostile buffer, grant and handle fields.</summary>
    private ulong MessagePointer()
    {
        if (_random.OneIn(8))
            return BadPointer();
        var message = (IpcMessage*)Structure(sizeof(IpcMessage));
        message->Tag = (ulong)Integer();
        message->Word0 = (ulong)Integer();
        message->Word1 = (ulong)Integer();
        message->Word2 = (ulong)Integer();
        message->Word3 = (ulong)Integer();
        bool buffer = _random.OneIn(2);
        message->BufferAddress = buffer ? Pointer() : 0;
        message->BufferLength = buffer ? (ulong)Length() : 0;
        bool grant = _random.OneIn(3);
        message->GrantAddress = grant ? (_random.OneIn(2) ? _layout.Scratch + (ulong)(PageSize * _random.Below(2)) : Pointer()) : 0;
        message->GrantLength = grant ? (ulong)Length() : 0;
        message->GrantedAddress = _random.OneIn(4) ? Pointer() : 0;
        message->Handle = _random.OneIn(3) ? Handle() : 0;
        message->Flags = (IpcFlags)(_random.OneIn(4) ? Integer() : _random.Below(2));
        return (ulong)message;
    }

    /// <summary>A SpawnRequest with a safe command line (true, or nothing that exists) and random handles and quotas.</summary>
    private ulong SpawnRequestPointer()
    {
        if (_random.OneIn(8))
            return BadPointer();
        var request = (SpawnRequest*)Structure(sizeof(SpawnRequest));
        StringArgument(CommandLineText(), out long text, out long textLength);
        request->CommandLine = (ulong)text;
        request->CommandLineLength = textLength;
        int count = _random.Below(6);
        var handles = (SpawnHandle*)Structure(count * sizeof(SpawnHandle));
        for (int i = 0; i < count; i++)
        {
            handles[i].Handle = Handle();
            handles[i].Rights = (HandleRights)Integer();
        }
        request->Handles = _random.OneIn(6) ? Pointer() : (ulong)handles;
        request->HandleCount = _random.OneIn(6) ? Integer() : count;
        request->HandleLimit = _random.OneIn(2) ? 0 : Integer();
        request->ThreadLimit = _random.OneIn(2) ? 0 : Integer();
        request->Authority = _random.OneIn(2) ? 0 : Handle();
        return (ulong)request;
    }
}
