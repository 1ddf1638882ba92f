#!/usr/bin/env bash
# mkimage.sh IMAGE BOOTX64.EFI KERNEL.ELF INITRD CMDLINE
# Make IMAGE: a whole-disk FAT32 file system (no partition table; OVMF boots
# it as removable media) holding
#   /EFI/BOOT/BOOTX64.EFI  /boot/kernel.elf  /boot/initrd  /boot/cmdline
# with mtools only: no root, no loop devices.
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 IMAGE BOOTX64.EFI KERNEL.ELF INITRD CMDLINE" >&2; exit 2; }
img=$1 efi=$2 kernel=$3 initrd=$4 cmdline=$5
for f in "$efi" "$kernel" "$initrd"; do
	[ -f "$f" ] || { echo "mkimage: missing $f" >&2; exit 1; }
done
command -v mformat >/dev/null || { echo "mkimage: mtools not installed (apt-get install mtools)" >&2; exit 1; }

tmp=$img.tmp
rm -f "$tmp"
# 64 MiB: FAT32 needs at least 65525 clusters; 512-byte clusters give that.
truncate -s 64M "$tmp"
mformat -i "$tmp" -F -c 1 -v TRAPDOOR ::
mmd -i "$tmp" ::/EFI ::/EFI/BOOT ::/boot
mcopy -i "$tmp" "$efi" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$tmp" "$kernel" ::/boot/kernel.elf
mcopy -i "$tmp" "$initrd" ::/boot/initrd
printf '%s\n' "$cmdline" | mcopy -i "$tmp" - ::/boot/cmdline
mv "$tmp" "$img"
