#!/bin/sh
# /init of the harness initramfs: PID 1 of every stage of a kexec chain.
#
# The kernel command line says where we are in the chain:
#   kc.chain=6.1,6.12   kernel series of every stage, in order
#   kc.stage=N          1-based index of the stage now running
#   kc.kexec=normal|crash   how to hand over to the next stage
#   kc.kexec_args=A,B   extra kexec-tools options (commas for spaces), e.g.
#                       --mem-min=0x60000000 to steer where it puts the image
#   kc.devices=active   load virtio-net, bring eth0 up and keep traffic
#                       flowing (the host sends UDP to the guest all along),
#                       and print /proc/interrupts before the hand-over
# Every line this script prints starts with "KC:" or "kc-…:" so that the
# classifier can tell it from kernel console output on the same serial line.

export PATH=/bin:/sbin
# Debian's kexec is dynamically linked (libc, zlib, Xen control libraries).
export LD_LIBRARY_PATH=/lib/aarch64-linux-gnu

/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null

say() { echo "KC: $*"; }

cmdline=$(cat /proc/cmdline)
stage=1; chain=""; ktype=normal; kargs=""; devices=quiescent
for w in $cmdline; do
    case "$w" in
        kc.devices=*) devices=${w#kc.devices=} ;;
        kc.stage=*) stage=${w#kc.stage=} ;;
        kc.chain=*) chain=${w#kc.chain=} ;;
        kc.kexec=*) ktype=${w#kc.kexec=} ;;
        kc.kexec_args=*) kargs=$(echo "${w#kc.kexec_args=}" | tr ',' ' ') ;;
    esac
done
# Count the stages and pick the series of the next one (empty on the last).
nstages=0; next=""
for s in $(echo "$chain" | tr ',' ' '); do
    nstages=$((nstages + 1))
    [ "$nstages" -eq $((stage + 1)) ] && next=$s
done

say "stage $stage/$nstages reached init: kernel $(uname -r) chain=$chain kexec=$ktype"
say "cmdline: $cmdline"
if [ -e /proc/vmcore ]; then say "this is a kdump kernel (/proc/vmcore present)"; fi

# The GIC driver's decisions are in the kernel log; the console may not have
# shown all of it (early lines before the console came up), so dump them.
dmesg | grep -E 'GIC|LPI|ITS|[Ee][Ff][Ii]|[Cc]rash|Kernel command line|[Tt]aint|Machine model|ACPI: (MADT|SRAT)' \
    | sed 's/^/kc-dmesg: /'

# What the loader sees: System RAM and the reserved ranges nested in it.
say "/proc/iomem begin"
sed 's/^/kc-iomem: /' /proc/iomem
say "/proc/iomem end"

# A kernel that adopted a property table lying inside its own image has
# reset it in place (64 KiB of the reset byte over its own code or data):
# name the symbols that were there. The anchor is "Kernel data" in
# /proc/iomem, which starts at _sdata in 6.1 and 6.12 alike ("Kernel code"
# starts at _stext in 6.1 but at _text in 6.12). Addresses are handled as
# two 32-bit halves because shell arithmetic is signed 64-bit.
prop=$(dmesg | sed -n 's/.*GICv3: using LPI property table @0x0*\([0-9a-f]*\).*/\1/p' | head -n1)
kcode=$(sed -n 's/^ *\([0-9a-f]*\)-[0-9a-f]* : Kernel code$/\1/p' /proc/iomem | head -n1)
kdata=$(sed -n 's/^ *\([0-9a-f]*\)-[0-9a-f]* : Kernel data$/\1/p' /proc/iomem | head -n1)
kend=$(sed -n 's/^ *[0-9a-f]*-\([0-9a-f]*\) : Kernel data$/\1/p' /proc/iomem | head -n1)
if [ -n "$prop" ] && [ -n "$kcode" ] && [ -n "$kdata" ] && [ -n "$kend" ] \
   && [ $((0x$prop)) -ge $((0x$kcode)) ] && [ $((0x$prop)) -le $((0x$kend)) ]; then
    say "property table @0x$prop lies inside this kernel's image (Kernel code 0x$kcode, Kernel data 0x$kdata-0x$kend)"
    sdata=$(awk '$3 == "_sdata" { print $1; exit }' /proc/kallsyms)
    if [ -n "$sdata" ] && [ "$sdata" != 0000000000000000 ]; then
        hi=$((0x${sdata%????????})); lo=$((0x${sdata#????????}))
        hex16() { v=$(($1)); h=$hi
                  if [ $v -ge 4294967296 ]; then h=$((h + 1)); v=$((v - 4294967296)); fi
                  if [ $v -lt 0 ]; then h=$((h - 1)); v=$((v + 4294967296)); fi
                  printf '%08x%08x' $h $v; }
        rel=$((0x$prop - 0x$kdata))
        from=$(hex16 "lo + rel"); to=$(hex16 "lo + rel + 0x10000")
        syms=$(awk -v a="$from" -v b="$to" '($1 "") >= a && ($1 "") < b { print $3 }' /proc/kallsyms)
        say "overwritten by the reset: $(echo "$syms" | grep -c .) symbols in [$from, $to): $(echo $syms | cut -c1-300)"
    fi
fi

# The files a user's system would show, for later tools to use as fixtures
# (the run folder gets them as stageN/<path>): each file gzip'ed and base64'ed
# between kc-file-begin (path, size, md5) and kc-file-end. The kernel's
# console output is held back meanwhile so that it cannot split a line.
capture() {
    cat "$2" >/tmp/cap 2>/dev/null || return 0
    echo "kc-file-begin: $1 $(wc -c </tmp/cap) $(md5sum </tmp/cap | cut -d' ' -f1)"
    gzip -c /tmp/cap | base64 | sed 's/^/kc-file: /'
    echo "kc-file-end: $1"
}
capture_all() {
    printk=$(cut -f1 /proc/sys/kernel/printk)
    echo 1 >/proc/sys/kernel/printk
    capture proc/iomem /proc/iomem
    capture proc/cmdline /proc/cmdline
    capture proc/sys/kernel/osrelease /proc/sys/kernel/osrelease
    capture proc/interrupts /proc/interrupts
    capture sys/firmware/fdt /sys/firmware/fdt
    if [ -d /sys/firmware/efi ]; then
        echo "kc-efi-dir: present"
        capture sys/firmware/efi/fw_platform_size /sys/firmware/efi/fw_platform_size
        capture sys/firmware/efi/systab /sys/firmware/efi/systab
    else
        echo "kc-efi-dir: absent"
    fi
    echo "$printk" >/proc/sys/kernel/printk
}

# Which LPIs fired on which CPU: the ITS-MSI lines of /proc/interrupts.
irqs() { say "interrupts ($1)"; grep -E '^ +CPU|ITS-MSI|ITS-pMSI|MSI' /proc/interrupts | sed "s/^/kc-irq-$1: /"; }

# --devices active: virtio-net (PCI, MSI-X through the ITS) with traffic.
# The host sends UDP to 10.0.2.15:5555 all along (run-chain), so the device
# raises receive MSIs whenever it has buffers and bus mastering; the guest
# pings the slirp gateway too. The traffic keeps going until the hand-over.
if [ "$devices" = active ]; then
    rel=$(uname -r)
    for m in $(cat "/lib/modules/$rel/load-order" 2>/dev/null); do
        insmod "/lib/modules/$rel/$m.ko" 2>&1 | sed 's/^/kc-insmod: /'
    done
    if ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up 2>&1 | sed 's/^/kc-net: /'; then
        ping -c 3 -W 1 10.0.2.2 2>&1 | sed 's/^/kc-ping: /'
        ping 10.0.2.2 >/dev/null 2>&1 &
        sleep 1
    fi
    say "devices active: $(ls /sys/class/net | tr '\n' ' ')"
    irqs up
fi
# After the device is up, so that /proc/interrupts and /proc/iomem show it.
capture_all

# The redistributor registers themselves cannot be read from here: Debian's
# kernels have STRICT_DEVMEM/IO_STRICT_DEVMEM ("devmem: mmap: Operation not
# permitted"), so the table addresses come from the kernel log above.
say "cpus online=$(cat /sys/devices/system/cpu/online)"

if [ -z "$next" ]; then
    say "chain complete at stage $stage"
    poweroff -f
    sleep 5; exit 0
fi

# Command line of the next stage: ours, minus what the boot path added
# (EDK II adds initrd=…), minus crashkernel= for a crash kernel, with the
# stage number advanced.
newcmd=""
for w in $cmdline; do
    case "$w" in
        kc.stage=*|initrd=*|BOOT_IMAGE=*) ;;
        crashkernel=*) [ "$ktype" = crash ] || newcmd="$newcmd $w" ;;
        *) newcmd="$newcmd $w" ;;
    esac
done
newcmd="${newcmd# } kc.stage=$((stage + 1))"
# A crash kernel gets reset_devices, as Debian's kdump-tools gives it, but
# not kdump-tools' nr_cpus=1: the hand-over should exercise both
# redistributors.
[ "$ktype" = crash ] && newcmd="$newcmd reset_devices"

image=/images/vmlinuz-$next
[ -r "$image" ] || { say "no image $image"; say "kexec load end rc=127"; poweroff -f; }

if [ "$ktype" = crash ]; then mode=-p; else mode=-l; fi
say "kexec load begin: kexec -d $mode $kargs $image --initrd=/initrd/next.cpio --append=\"$newcmd\""
kexec -d $mode $kargs "$image" --initrd=/initrd/next.cpio --append="$newcmd" >/tmp/kexec.log 2>&1
rc=$?
sed 's/^/kc-kexec: /' /tmp/kexec.log
say "kexec load end rc=$rc"
if [ $rc -ne 0 ]; then
    say "kexec load failed rc=$rc"
    poweroff -f
fi

# The device counts right before the hand-over: the traffic kept flowing.
[ "$devices" = active ] && irqs pre
if [ "$ktype" = crash ]; then
    say "handing over: crash via sysrq"
    echo c > /proc/sysrq-trigger
else
    say "handing over: kexec -e"
    kexec -e
fi
say "hand-over returned (it should not)"
poweroff -f
