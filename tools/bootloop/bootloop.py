#!/usr/bin/env python3
"""Boots one configuration of CosmosHybrid many times, one QEMU at a time, and keeps the evidence
of every boot that does not end the way the boot test expects (QEMU gone, a reset, a panic, a time-out).

Each boot runs QEMU as QemuMachine does (TCG, -m 512, -smp 1, -no-reboot, serial on stdio, isa-debug-exit,
no NIC), plus -no-shutdown, so a triple fault or a guest shutdown stops the machine instead of ending QEMU,
and -d cpu_reset,guest_errors -D FILE, so the CPU state at a reset is logged. After each expected line it
types the next input line; at the end it asks QMP for the machine's status and quits.

    ./build.sh bootloop [--boots N] [--cmdline 'init=init,/etc/console-services'] [--scenario ipc-queue-full]
    tools/bootloop/bootloop.py --out out --boots 200

A failed boot leaves out/bootloop/boot-NNNN/ with serial.log, qemu-d.log (the -d log), qemu-stderr.log,
status.txt (why it failed, QEMU's exit status, QMP query-status and `info registers` when QEMU still answers).
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

SHELL_BANNER = "CosmosHybrid shell (ring 3, process 4)"
PANIC_LINES = ("KERNEL PANIC", "System halted.", "nested fault during panic")


def make_iso(out_dir, cmdline, work):
    """The boot test's image: the build's boot modules with a grub.cfg that boots CMDLINE at once (BootImage.cs)."""
    root = os.path.join(work, "root")
    boot = os.path.join(root, "boot")
    os.makedirs(os.path.join(boot, "grub"))
    modules = []
    source = os.path.join(out_dir, "isoroot", "boot")
    for name in sorted(os.listdir(source)):
        path = os.path.join(source, name)
        if not os.path.isfile(path):
            continue
        shutil.copy(path, os.path.join(boot, name))
        if name != "kernel.elf":
            modules.append(f"    module2 /boot/{name} {name}\n")
    with open(os.path.join(boot, "grub", "grub.cfg"), "w") as cfg:
        cfg.write("set timeout=0\nif [ \"$grub_platform\" = efi ]; then insmod efi_gop; insmod efi_uga; fi\nmenuentry \"CosmosHybrid test\" {\n")
        cfg.write(f"    multiboot2 /boot/kernel.elf {cmdline}\n")
        cfg.writelines(modules)
        cfg.write("    boot\n}\n")
    iso = os.path.join(work, "boot.iso")
    subprocess.run(["grub-mkrescue", "--install-modules=normal multiboot2 iso9660 test all_video", "--locales=", "--fonts=", "--themes=", "-o", iso, root], check=True, capture_output=True)
    return iso


class Qmp:
    def __init__(self, path, timeout=10):
        deadline = time.time() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.settimeout(10)
                self.sock.connect(path)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        self.file = self.sock.makefile("rw")
        self._read()  # greeting
        self.execute("qmp_capabilities")

    def _read(self):
        while True:
            line = self.file.readline()
            if not line:
                raise EOFError("QMP closed")
            message = json.loads(line)
            if "event" not in message:
                return message

    def execute(self, command, arguments=None):
        request = {"execute": command}
        if arguments:
            request["arguments"] = arguments
        self.file.write(json.dumps(request) + "\n")
        self.file.flush()
        return self._read()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Boot:
    def __init__(self, iso, directory, cpu):
        self.directory = directory
        self.qmp_path = os.path.join(directory, "qmp.sock")
        self.d_log = os.path.join(directory, "qemu-d.log")
        arguments = ["qemu-system-x86_64", "-machine", "pc", "-cpu", cpu, "-m", "512", "-smp", "1", "-no-reboot",
                     "-no-shutdown", "-display", "none", "-monitor", "none", "-serial", "stdio",
                     "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                     "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
                     "-d", "cpu_reset,guest_errors", "-D", self.d_log,
                     "-cdrom", iso, "-nic", "none"]
        self.stderr = open(os.path.join(directory, "qemu-stderr.log"), "wb")
        self.process = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr)
        self.serial = bytearray()
        self.gate = threading.Lock()
        self.started = time.time()
        self.marks = []   # (seconds since start, what)
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        while True:
            chunk = self.process.stdout.read1(4096)
            if not chunk:
                return
            with self.gate:
                self.serial += chunk

    def text(self):
        with self.gate:
            return self.serial.decode("utf-8", "replace")

    def mark(self, what):
        self.marks.append((round(time.time() - self.started, 2), what))

    def wait_for(self, texts, timeout):
        """Returns the first of TEXTS seen, or why not: 'exited', 'halted', 'timeout'."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            log = self.text()
            for text in texts:
                if text in log:
                    self.mark("saw " + text)
                    return text
            if any(line in log for line in PANIC_LINES):
                self.mark("panic")
                return "halted"
            if self.process.poll() is not None:
                time.sleep(0.2)
                self.mark(f"qemu exited ({self.process.returncode})")
                return "exited"
            time.sleep(0.05)
        self.mark("timeout")
        return "timeout"

    def send(self, line):
        self.mark("type " + line)
        try:
            self.process.stdin.write((line + "\r").encode())
            self.process.stdin.flush()
            return True
        except BrokenPipeError:
            self.mark("broken pipe")
            return False

    def status(self):
        """QMP query-status and the registers, if QEMU still answers (with -no-shutdown it stays after a triple fault)."""
        if self.process.poll() is not None:
            return None, None
        try:
            qmp = Qmp(self.qmp_path)
            status = qmp.execute("query-status").get("return")
            registers = qmp.execute("human-monitor-command", {"command-line": "info registers"}).get("return")
            qmp.close()
            return status, registers
        except (OSError, EOFError, ValueError) as error:
            return {"error": str(error)}, None

    def stop(self):
        if self.process.poll() is None:
            try:
                qmp = Qmp(self.qmp_path, timeout=2)
                qmp.execute("quit")
                qmp.close()
            except (OSError, EOFError, ValueError):
                pass
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stderr.close()


# QEMU logs two resets at power-on (the CPU's creation and the machine's first reset).
POWER_ON_RESETS = 2

# What a -d cpu_reset dump's lines start with; any other line in the -d log is a guest error or a fault message.
REGISTER_DUMP_PREFIXES = ("CPU Reset", "EAX=", "ESI=", "EIP=", "RAX=", "RSI=", "R8 =", "R12=", "RIP=", "ES =", "CS =",
                          "SS =", "DS =", "FS =", "GS =", "LDT=", "TR =", "GDT=", "IDT=", "CR0=", "DR0=", "DR6=", "CCS=",
                          "EFER=", "FCW=", "FPR", "XMM", "YMM", "ZMM", "Opmask", "PKRU")


def read_d_log(path):
    """The number of CPU resets in QEMU's -d log, and its lines that are not part of a reset's register dump."""
    if not os.path.exists(path):
        return 0, []
    resets, others = 0, []
    with open(path, errors="replace") as file:
        for line in file:
            line = line.strip()
            if line.startswith("CPU Reset"):
                resets += 1
            elif line and not line.startswith(REGISTER_DUMP_PREFIXES):
                others.append(line)
    return resets, others


def run_one(iso, directory, arguments):
    os.makedirs(directory, exist_ok=True)
    boot = Boot(iso, directory, arguments.cpu)
    CURRENT_BOOT[:] = [boot]
    steps = [([SHELL_BANNER], "spawn echo"),
             (["echo: serving 'echo' and 'echo-bulk'"], "run usertest " + arguments.scenario),
             ([arguments.scenario + ": ok", arguments.scenario + ": FAILED"], None)]
    problem = None
    for expected, reply in steps:
        seen = boot.wait_for(expected, arguments.timeout)
        if seen not in expected:
            problem = seen
            break
        if seen.endswith("FAILED"):
            problem = "scenario failed"
            break
        if reply is not None and not boot.send(reply):
            problem = "broken pipe"
            break
    if problem is None and arguments.linger > 0:
        # The machine must still be running a while after the scenario (the reported death came with no input at all).
        time.sleep(arguments.linger)
        if boot.process.poll() is not None:
            problem = "exited"
    status, registers = boot.status()
    if problem is None and status is not None and status.get("status") != "running":
        problem = "status " + str(status.get("status"))
    resets, guest_errors = read_d_log(boot.d_log)
    if problem is None and resets > POWER_ON_RESETS:
        problem = f"{resets - POWER_ON_RESETS} CPU resets after power-on"
    if problem is None and guest_errors:
        problem = "guest errors: " + guest_errors[0]
    boot.stop()
    exit_code = boot.process.returncode
    with open(os.path.join(directory, "serial.log"), "wb") as file:
        file.write(bytes(boot.serial))
    with open(os.path.join(directory, "status.txt"), "w") as file:
        file.write(f"problem: {problem}\nqemu exit status: {exit_code}\nquery-status: {status}\n")
        file.write(f"CPU resets in the -d log: {resets}\nguest errors: {guest_errors}\nmarks: {boot.marks}\n")
        if registers:
            file.write("info registers:\n" + registers + "\n")
    elapsed = time.time() - boot.started
    if problem is None:
        # The last good boot's serial log stays, to compare a failed one with.
        shutil.copy(os.path.join(directory, "serial.log"), os.path.join(os.path.dirname(directory), "last-good-serial.log"))
        shutil.rmtree(directory)
    return problem, exit_code, elapsed


CURRENT_BOOT = []


def stop_on_signal(number, _frame):
    """Ends the QEMU of the boot under way too, then the loop."""
    for boot in CURRENT_BOOT:
        if boot.process.poll() is None:
            boot.process.kill()
    sys.exit(128 + number)


def main():
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="out", help="the build's out/ directory")
    parser.add_argument("--boots", type=int, default=100)
    parser.add_argument("--cmdline", default="init=init,/etc/console-services")
    parser.add_argument("--scenario", default="ipc-queue-full", help="usertest scenario typed after `spawn echo`")
    parser.add_argument("--cpu", default="max")
    parser.add_argument("--timeout", type=float, default=150, help="seconds per expected line")
    parser.add_argument("--linger", type=float, default=2, help="seconds the machine must keep running at the end")
    parser.add_argument("--logs", default=None, help="where failed boots' evidence goes (default OUT/bootloop)")
    parser.add_argument("--stop-on-failure", action="store_true")
    arguments = parser.parse_args()

    logs = arguments.logs or os.path.join(arguments.out, "bootloop")
    os.makedirs(logs, exist_ok=True)
    work = tempfile.mkdtemp(prefix="bootloop-")
    try:
        iso = make_iso(arguments.out, arguments.cmdline, work)
        failures = 0
        for index in range(arguments.boots):
            directory = os.path.join(logs, f"boot-{index:04d}-{os.getpid()}")
            problem, exit_code, elapsed = run_one(iso, directory, arguments)
            if problem is not None:
                failures += 1
            print(f"boot {index + 1}/{arguments.boots}: {'ok' if problem is None else 'FAILED: ' + problem}"
                  f" (qemu exit {exit_code}, {elapsed:.1f} s){'' if problem is None else ' -> ' + directory}", flush=True)
            if problem is not None and arguments.stop_on_failure:
                break
        print(f"{index + 1} boots, {failures} failed", flush=True)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
