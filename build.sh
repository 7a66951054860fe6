#!/usr/bin/env bash
# CosmosHybrid build entry point.
#   ./build.sh            build kernel.elf and out/cosmoshybrid.iso
#   ./build.sh run        build, then boot in QEMU (headless: the OS console is this terminal)
#   ./build.sh test       build, then run all tests (host unit tests + QEMU boot tests)
#   ./build.sh bench      build, then run the in-kernel benchmarks under QEMU -icount shift=0
#   ./build.sh timeline   build, then only bench's boot rows (one boot of out/timeline.iso, -icount shift=0)
#   ./build.sh debug [--program NAME] [--gdb-port N]
#                         build out/debug/ (kernel with ILC -g, no -O), boot it in QEMU halted with its gdb stub
#                         and start gdb with tools/gdb/cosmoshybrid.py (README: "Debugging with gdb")
#   ./build.sh faultcampaign SERVICE N SEED   build, boot with faultinject, inject N faults into SERVICE (echo, net, e1000, ui), print the outcomes
#   ./build.sh vmware     build, then write out/vmware/ (.vmx for BIOS and EFI, the ISO, a data .vmdk)
#   ./build.sh packetfuzz N SEED   build, then N fuzzed frames from seed SEED into the guest's NIC, then HTTP and memory checks
#   ./build.sh netbench   build, boot with httpd serving a data disk, measure HTTP and ping from the host beside Linux's figures
#   ./build.sh netbench --icount   the same boot under -icount shift=0: ticks per full-size TCP segment each way (driver, ring, stack, copy)
#   ./build.sh fuzz MODE N SEED   build, boot QEMU headless, run `fuzz MODE N SEED` (syscalls|ipc), watch for panic/hang
#   ./build.sh powercut N SEED   build, then N power cuts (SIGKILL to QEMU) during a seeded file workload on /disk, each image judged
#   ./build.sh runtimebench   the runtime rows of bench (throw, lock, double text) on .NET 10 on the host (ns)
#   ./build.sh clean
# Extra arguments go to Cake, e.g. `./build.sh run --firmware=uefi` or `./build.sh run --gui`.
# On a fresh Debian machine it first installs the system packages it needs (with sudo when not root).
set -euo pipefail
cd "$(dirname "$0")"

target="${1:-build}"
shift || true

# Debian packages the build and the tests use, keyed by a file each one provides.
declare -A packages=(
  [/usr/bin/nasm]=nasm
  [/usr/bin/ld]=binutils
  [/usr/bin/grub-mkrescue]=grub-common
  [/usr/lib/grub/i386-pc/multiboot2.mod]=grub-pc-bin
  [/usr/lib/grub/x86_64-efi/multiboot2.mod]=grub-efi-amd64-bin
  [/usr/bin/xorriso]=xorriso
  [/usr/bin/mformat]=mtools
  [/usr/sbin/mkfs.fat]=dosfstools
  [/usr/bin/qemu-system-x86_64]=qemu-system-x86
  [/usr/bin/qemu-img]=qemu-utils
  [/usr/share/ovmf/OVMF.fd]=ovmf
  [/usr/sbin/ip]=iproute2
  [/usr/bin/ping]=iputils-ping
  [/usr/bin/python3]=python3
  [/usr/bin/nc.openbsd]=netcat-openbsd
  [/usr/bin/gdb]=gdb
)

missing=()
for file in "${!packages[@]}"; do
  [ -e "$file" ] || missing+=("${packages[$file]}")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: installing missing packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "build.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null; then
  echo "build.sh: the .NET 10 SDK is required (https://dotnet.microsoft.com/download); 'dotnet' is not on PATH." >&2
  exit 1
fi

# faultcampaign takes its three words positionally; Cake wants them as named arguments.
if [ "$target" = "faultcampaign" ]; then
  set -- --service="${1:-echo}" --faults="${2:-20}" --seed="${3:-1}" "${@:4}"
fi

# packetfuzz N SEED: the two numbers become Cake's --frames and --seed.
if [ "$target" = packetfuzz ]; then
  fuzz=()
  if [ $# -gt 0 ] && [[ $1 != -* ]]; then fuzz+=("--frames=$1"); shift; fi
  if [ $# -gt 0 ] && [[ $1 != -* ]]; then fuzz+=("--seed=$1"); shift; fi
  set -- "${fuzz[@]}" "$@"
fi

# powercut N SEED: the two numbers become Cake's --cuts and --seed.
if [ "$target" = powercut ]; then
  set -- --cuts="${1:-50}" --seed="${2:-1}" "${@:3}"
fi

# fuzz MODE N SEED: the positional words become Cake's --mode, --count and --seed.
if [ "$target" = fuzz ]; then
  set -- --mode="${1:-syscalls}" --count="${2:-20000}" --seed="${3:-1}" "${@:4}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
# Cake reads --name=value: accept the spaced form of debug's options too.
arguments=()
while [ $# -gt 0 ]; do
  case "$1" in
    --program|--gdb-port|--cmdline) arguments+=("$1=${2:-}"); shift 2 || shift ;;
    *) arguments+=("$1"); shift ;;
  esac
done
set -- "${arguments[@]+"${arguments[@]}"}"
exec dotnet cake build.cake --target="$target" "$@"
