# CosmosHybrid commands for gdb: `source tools/gdb/cosmoshybrid.py` (./build.sh debug does it).
#
#   cs-break Namespace.Type.Method   break on a C# method by name (every overload; a partial name such as
#                                    Scheduler.Yield works when it is unique enough)
#   cs-program NAME [ELF]            load a ring-3 program's symbols (the NAME.elf the debug ISO runs: built with -g
#                                    by ./build.sh debug --program NAME) at the addresses the kernel's loader maps it to
#
# ILC names a method's code MODULE_Namespace_Parts_Type__Method, with _0, _1... after overloads:
# CosmosHybrid.Scheduling.Scheduler.Yield in the kernel is kernel_CosmosHybrid_Scheduling_Scheduler__Yield.
# The symbol tables are read with nm once per file, so a lookup needs no regular-expression scan of gdb's tables.

import os
import re
import struct
import subprocess

import gdb

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.environ.get("COSMOSHYBRID_OUT", os.path.join(REPOSITORY, "out"))

_symbol_tables = {}   # ELF path -> [(name, address)] of its code symbols
_programs = {}        # program name -> ProgramImage


def code_symbols(path):
    """The defined code symbols (nm types T/t) of an ELF file, cached."""
    if path not in _symbol_tables:
        output = subprocess.run(["nm", "--defined-only", path], capture_output=True, text=True, check=True).stdout
        table = []
        for line in output.splitlines():
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[1] in ("T", "t"):
                table.append((parts[2], int(parts[0], 16)))
        _symbol_tables[path] = table
    return _symbol_tables[path]


def mangled_suffix(csharp_name):
    """Namespace.Type.Method -> Namespace_Type__Method (the part of ILC's name after the module)."""
    parts = csharp_name.split(".")
    if len(parts) < 2:
        return None
    return "_".join(parts[:-1]) + "__" + parts[-1]


def find_methods(csharp_name, path):
    """The symbols of PATH that are the C# method CSHARP_NAME (or the raw symbol of that name), with every overload."""
    table = code_symbols(path)
    exact = [(name, address) for name, address in table if name == csharp_name]
    if exact:
        return exact
    suffix = mangled_suffix(csharp_name)
    if suffix is None:
        return []
    pattern = re.compile(r"(^|_)" + re.escape(suffix) + r"(_\d+)?$")
    return [(name, address) for name, address in table if pattern.search(name)]


class ProgramImage:
    """A ring-3 program's ELF: where its sections go and the bytes of its code, to tell it from other programs."""

    def __init__(self, name, path):
        self.name = name
        self.path = path
        with open(path, "rb") as file:
            self.data = file.read()
        self.sections = self._read_sections()

    def _read_sections(self):
        data = self.data
        if data[:4] != b"\x7fELF" or data[4] != 2:
            raise gdb.GdbError(f"{self.path} is not a 64-bit ELF file")
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = []
        for i in range(shnum):
            _, kind, flags, address, offset, size = struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize)
            if flags & 2 and kind == 1:   # SHF_ALLOC, SHT_PROGBITS: loaded with its file bytes
                sections.append((address, offset, size))
        return sections

    def code_bytes(self, address, length):
        for start, offset, size in self.sections:
            if start <= address < start + size:
                length = min(length, start + size - address)
                return self.data[offset + address - start:offset + address - start + length]
        return b""


class ProgramBreakpoint(gdb.Breakpoint):
    """
    A breakpoint in a ring-3 program. Every program is linked at the same addresses (0x400000 up) and QEMU's stub
    breaks on a virtual address whatever the address space, so it stops only when the code at that address in the
    current address space is this program's: ring 3 or not, its first bytes must be those of the program's file.
    """

    def __init__(self, location, image, address):
        super().__init__(location)
        self.image = image
        self.expected = image.code_bytes(address, 32)
        self.address = address

    def stop(self):
        try:
            actual = gdb.selected_inferior().read_memory(self.address, len(self.expected)).tobytes()
        except gdb.MemoryError:
            return False
        return actual == self.expected


class BreakCommand(gdb.Command):
    """cs-break Namespace.Type.Method: break on a C# method (each overload) in the kernel or a loaded program."""

    def __init__(self):
        super().__init__("cs-break", gdb.COMMAND_BREAKPOINTS, gdb.COMPLETE_SYMBOL)

    def invoke(self, argument, from_tty):
        name = argument.strip()
        if not name:
            raise gdb.GdbError("usage: cs-break Namespace.Type.Method")
        found = 0
        for objfile in gdb.objfiles():
            path = objfile.filename
            if not path or not os.path.isfile(path):
                continue
            image = next((p for p in _programs.values() if p.path == path), None)
            for symbol, address in find_methods(name, path):
                location = f"*{address:#x}"
                print(f"cs-break: {name} -> {symbol} at {address:#x} ({os.path.basename(path)})")
                if image is None:
                    gdb.Breakpoint(location)
                else:
                    ProgramBreakpoint(location, image, address)
                found += 1
        if found == 0:
            raise gdb.GdbError(f"cs-break: no method {name} in the kernel or the loaded programs (cs-program NAME loads one)")


class ProgramCommand(gdb.Command):
    """cs-program NAME [ELF]: load ring-3 program NAME's symbols where the kernel maps it (its link addresses)."""

    def __init__(self):
        super().__init__("cs-program", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, argument, from_tty):
        words = gdb.string_to_argv(argument)
        if not words:
            raise gdb.GdbError("usage: cs-program NAME [ELF]")
        name = words[0]
        # The file the debug ISO runs: out/debug/NAME.elf (with -g) after `./build.sh debug --program NAME`, else a copy
        # of out/NAME.elf (symbols, no source lines).
        candidates = words[1:] or [os.path.join(OUT, "debug", "isoroot", "boot", name + ".elf"), os.path.join(OUT, name + ".elf")]
        path = next((c for c in candidates if os.path.isfile(c)), None)
        if path is None:
            raise gdb.GdbError(f"cs-program: none of {', '.join(candidates)} exists (./build.sh debug --program {name})")
        image = ProgramImage(name, os.path.abspath(path))
        # The kernel's loader takes only ET_EXEC files and maps each PT_LOAD at its own p_vaddr: no load bias.
        gdb.execute(f"add-symbol-file {image.path} -o 0", from_tty=False)
        _programs[name] = image
        lines = any(True for _ in _debug_sections(image))
        print(f"cs-program: {name} symbols from {image.path}{'' if lines else ' (no -g: no source lines)'}; "
              f"its breakpoints stop only where {name}'s code is mapped")


def _debug_sections(image):
    data = image.data
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    _, _, _, _, names_offset, _ = struct.unpack_from("<IIQQQQ", data, shoff + shstrndx * shentsize)
    for i in range(shnum):
        name_index, = struct.unpack_from("<I", data, shoff + i * shentsize)
        end = data.index(b"\0", names_offset + name_index)
        if data[names_offset + name_index:end] == b".debug_line":
            yield i


BreakCommand()
ProgramCommand()
