package kexeccheck.simulator.loader;

import java.util.List;
import java.util.function.Predicate;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.firmware.BoardDeviceTree;
import kexeccheck.simulator.firmware.DtNode;
import kexeccheck.simulator.firmware.Fdt;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;

/**
 * kexec-tools (kexec_load) for arm64: reads the outgoing kernel's
 * /proc/iomem, places the image, initrd and DTB in System RAM — skipping
 * nested "reserved" entries only when built with the 2019 patch
 * ({@code honoursReserved}) — and, for a crash kexec (kexec -p), inside the
 * "Crash kernel" region. The DTB is the running one (/sys/firmware/fdt) or a
 * user DTB without the LPI node; either way /chosen gets the new initrd, the
 * EFI system table (so EFI survives) and, for kdump, linux,usable-memory-range.
 */
public final class KexecLoader {

    /** A loaded kernel: its image range, initrd range and DTB address. */
    public record Loaded(AddressRange image, AddressRange initrd, long dtb) {}

    private final PhysicalMemory memory;
    private final boolean honoursReserved;
    private final boolean userDtb;

    /**
     * @param honoursReserved whether nested reserved entries are skipped
     * @param userDtb whether the user passes a DTB without the LPI node (--dtb) instead of the running one
     */
    public KexecLoader(PhysicalMemory memory, boolean honoursReserved, boolean userDtb) {
        this.memory = memory;
        this.honoursReserved = honoursReserved;
        this.userDtb = userDtb;
    }

    /**
     * Loads the next kernel's segments and writes them to RAM.
     *
     * @param running the outgoing kernel
     * @param crash whether this is a crash kexec
     * @param wanted the chosen placement (null segments: the loader's own choice)
     * @param bootargs the next kernel's command line (kexec --append)
     * @param avoid ranges the loader's own choices stay out of
     * @param record where placement notes go
     */
    public Loaded load(Kernel running, boolean crash, Segments wanted, String bootargs,
                       Predicate<AddressRange> avoid, StepRecord record) {
        Iomem iomem = Iomem.of(running);
        AddressRange window = crash ? running.crashKernel().orElseThrow(
                () -> new IllegalStateException("crash kexec without a crashkernel= region")) : null;
        Placer placer = new Placer(iomem, window, avoid);
        AddressRange image = placer.place("image", wanted.image(), record);
        AddressRange initrd = placer.place("initrd", wanted.initrd(), record);
        AddressRange dtbAt = placer.place("dtb", wanted.dtb(), record);
        DtNode dt = userDtb ? BoardDeviceTree.withoutLpiNode(running.deviceTree()) : running.deviceTree().copy();
        dt.find("chosen").orElseThrow().string("bootargs", bootargs);
        BoardDeviceTree.chosen64(dt, "linux,initrd-start", initrd.base());
        BoardDeviceTree.chosen64(dt, "linux,initrd-end", initrd.end());
        running.deviceTree().find("chosen").flatMap(c -> c.get("linux,uefi-system-table"))
                .ifPresent(v -> dt.find("chosen").orElseThrow().property("linux,uefi-system-table", v));
        if (crash) {
            dt.find("chosen").orElseThrow().ranges("linux,usable-memory-range", List.of(window));
        } else {
            dt.find("chosen").orElseThrow().remove("linux,usable-memory-range");
        }
        Writer kexec = new Writer.Other("kexec (" + running.name() + " → next)");
        memory.write(image.base(), ToyImage.bytes(), kexec);
        memory.fill(initrd.base(), Segments.SIZE, (byte) 0x5a, kexec);
        memory.write(dtbAt.base(), Fdt.write(dt, Segments.SIZE), kexec);
        return new Loaded(image, initrd, dtbAt.base());
    }

    /** locate_hole(): the lowest fitting hole, 64 KiB aligned. */
    private final class Placer {
        private final Iomem iomem;
        private final AddressRange window;
        private final Predicate<AddressRange> avoid;
        private final java.util.List<AddressRange> taken = new java.util.ArrayList<>();

        Placer(Iomem iomem, AddressRange window, Predicate<AddressRange> avoid) {
            this.iomem = iomem;
            this.window = window;
            this.avoid = avoid;
        }

        AddressRange place(String what, Long wanted, StepRecord record) {
            if (wanted != null) {
                AddressRange r = new AddressRange(wanted, Segments.SIZE);
                String why = refusal(r);
                if (why != null) record.notes.add("kexec-tools would not place the " + what + " at " + r + ": " + why);
                taken.add(r);
                return r;
            }
            for (AddressRange ram : window != null ? List.of(window) : iomem.systemRam()) {
                for (long at = ram.base(); at + Segments.SIZE <= ram.end(); at += Segments.SIZE) {
                    AddressRange r = new AddressRange(at, Segments.SIZE);
                    if (refusal(r) == null && !avoid.test(r)) {
                        taken.add(r);
                        return r;
                    }
                }
            }
            throw new IllegalStateException("kexec-tools: no hole for the " + what);
        }

        private String refusal(AddressRange r) {
            if (taken.stream().anyMatch(t -> t.overlaps(r))) return "another segment is there";
            if (window != null) return window.contains(r) ? null : "outside the Crash kernel region";
            if (!iomem.inSystemRam(r)) return "not System RAM";
            Iomem.Entry nested = iomem.nestedOverlap(r);
            if (honoursReserved && nested != null && nested.name().equals("reserved")) {
                return "nested \"reserved\" entry " + nested.range();
            }
            return null;
        }
    }
}
