package kexeccheck.simulator.loader;

import java.util.List;
import java.util.function.Predicate;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.firmware.BoardDeviceTree;
import kexeccheck.simulator.firmware.DtNode;
import kexeccheck.simulator.firmware.Fdt;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.SimulatorAccounts;
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
 *
 * <h2>Where the loader puts a segment it chooses itself</h2>
 * In kexec-tools' order and by its rules (kexec/arch/arm64/kexec-image-arm64.c
 * image_arm64_load(), kexec/arch/arm64/kexec-arm64.c, kexec/kexec.c; the
 * rules below are the same in the two horms/kexec-tools versions read, an
 * older one whose get_memory_ranges() keeps nested entries and a newer one
 * that cuts them out):
 * <ol>
 * <li><b>Image</b> — arm64_locate_kernel_segment(). A normal kexec calls
 *     {@code locate_hole(info, text_offset + image_size, MiB(2), 0, ULONG_MAX, 1)}:
 *     the lowest free range whose start, rounded up to 2 MiB, still has room
 *     — so the lowest 2 MiB-aligned address where the image fits
 *     ({@link #KERNEL_ALIGN}). A crash kexec takes
 *     {@code _ALIGN_UP(crash_reserved_mem.start, MiB(2))} without searching and
 *     fails if the image does not fit below the region's end.</li>
 * <li><b>Initrd</b> — arm64_load_other_segments():
 *     {@code add_buffer_phys_virt(info, initrd, size, size, 0, hole_min, hole_max, 1, 0)}
 *     with {@code hole_min = image_base + image_size} ("put the other segments
 *     after the image") and {@code hole_max} ULONG_MAX, or the crash region's
 *     end for kdump. Alignment 0 becomes getpagesize() in locate_hole(), and
 *     {@code buf_end = 1} means bottom-up: the lowest page-aligned free address
 *     at or above the image's end.</li>
 * <li><b>DTB</b> — the same call and the same rule after the initrd: it lands
 *     right after the initrd, page-aligned. kexec-tools fdt_pack()s it and
 *     rounds its memsz up to a page; it is not padded further.</li>
 * <li>Purgatory — {@code elf_rel_build_load(..., hole_min, hole_max, 1, 0)}, next
 *     after the DTB — and, for kdump, the ELF core header
 *     (load_crashdump_segments(), added before the image segment, top-down:
 *     {@code buf_end = -1}, so at the top of the crash region) are not
 *     simulated.</li>
 * </ol>
 * "Free" is locate_hole()'s: the RANGE_RAM ranges of get_memory_ranges()
 * (System RAM; the newer arm64 get_memory_ranges() cuts out nested entries
 * other than Kernel code/data and Crash kernel, which is {@code honoursReserved})
 * minus the segments already added.
 *
 * <h2>Where the 64 KiB toy departs from kexec-tools</h2>
 * <ul>
 * <li>Every segment is one 64 KiB frame ({@link Segments#SIZE}), because the
 *     abstract model counts in 64 KiB frames. A real image spans
 *     {@code text_offset + image_size} from the Image header (tens of MiB for
 *     a typical distribution kernel), so a real initrd starts that far above
 *     the image, not 64 KiB above it; a real initrd is MiBs; a real DTB is its
 *     packed size rounded to the page size (4 KiB with 4 KiB pages), so with
 *     4 KiB pages the DTB shares the initrd's last 64 KiB frame or the next
 *     one.</li>
 * <li>The initrd and DTB alignment here is 64 KiB: getpagesize() of a kernel
 *     with 64 KiB pages; with 4 KiB pages kexec-tools aligns them to 4 KiB.</li>
 * <li>The loader's own choices also stay out of the {@code avoid} ranges the
 *     caller passes (a frame a replay or the explorer pins for something
 *     else); kexec-tools has no such notion. For a crash kexec whose aligned
 *     region start is taken or avoided the toy tries the next 2 MiB step up,
 *     where kexec-tools would fail on the overlapping segments.</li>
 * <li>A placement the caller wants (a replayed trace's frame) is used as given,
 *     with a note when kexec-tools would not have put it there (not System RAM,
 *     a nested reserved entry, outside the crash region, another segment); an
 *     initrd or DTB wanted below the image gets no note. A wanted image still
 *     sets {@code hole_min} for the segments the loader then chooses itself.</li>
 * </ul>
 */
public final class KexecLoader {

    /** arm64_locate_kernel_segment()'s alignment for the image: MiB(2). */
    public static final long KERNEL_ALIGN = 2L << 20;
    /**
     * locate_hole()'s alignment for the initrd and DTB (their buf_align is 0,
     * raised to getpagesize()): one 64 KiB frame, a 64 KiB-page kernel's page.
     */
    public static final long SEGMENT_ALIGN = Segments.SIZE;

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
        AddressRange image = placer.placeImage(wanted.image(), record);
        AddressRange initrd = placer.placeAfterImage("initrd", wanted.initrd(), record);
        AddressRange dtbAt = placer.placeAfterImage("dtb", wanted.dtb(), record);
        DtNode dt = userDtb ? BoardDeviceTree.withoutLpiNode(running.deviceTree()) : running.deviceTree().copy();
        dt.find("chosen").orElseThrow().string("bootargs", bootargs);
        BoardDeviceTree.chosen64(dt, "linux,initrd-start", initrd.base());
        BoardDeviceTree.chosen64(dt, "linux,initrd-end", initrd.end());
        running.deviceTree().find("chosen").flatMap(c -> c.get("linux,uefi-system-table"))
                .ifPresent(v -> dt.find("chosen").orElseThrow().property("linux,uefi-system-table", v));
        SimulatorAccounts.extensions().forEach(e -> e.nextDeviceTree(running, dt, !userDtb));
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

    /**
     * The segments in kexec-tools' order: the image (arm64_locate_kernel_segment()),
     * then the initrd and the DTB at or above the image's end
     * (arm64_load_other_segments()), each in the lowest hole (locate_hole(),
     * bottom-up) that is free, not avoided, and at the alignment of its rule.
     */
    private final class Placer {
        private final Iomem iomem;
        private final AddressRange window;
        private final Predicate<AddressRange> avoid;
        private final java.util.List<AddressRange> taken = new java.util.ArrayList<>();
        private long holeMin;

        Placer(Iomem iomem, AddressRange window, Predicate<AddressRange> avoid) {
            this.iomem = iomem;
            this.window = window;
            this.avoid = avoid;
        }

        /** The image; afterwards hole_min = image_base + image_size. */
        AddressRange placeImage(Long wanted, StepRecord record) {
            AddressRange image;
            if (wanted != null) {
                image = wanted("image", wanted, record);
            } else if (window != null) {
                // _ALIGN_UP(crash_reserved_mem.start, MiB(2)); see the class comment for the toy's search upwards
                image = lowest("image", List.of(window), alignUp(window.base(), KERNEL_ALIGN), KERNEL_ALIGN);
            } else {
                image = lowest("image", systemRamAscending(), 0, KERNEL_ALIGN);
            }
            holeMin = image.end();
            return image;
        }

        /** The initrd or the DTB: add_buffer_phys_virt(..., 0, hole_min, hole_max, 1, 0). */
        AddressRange placeAfterImage(String what, Long wanted, StepRecord record) {
            if (wanted != null) return wanted(what, wanted, record);
            return lowest(what, window != null ? List.of(window) : systemRamAscending(), holeMin, SEGMENT_ALIGN);
        }

        private AddressRange wanted(String what, long at, StepRecord record) {
            AddressRange r = new AddressRange(at, Segments.SIZE);
            String why = refusal(r);
            if (why != null) record.notes.add("kexec-tools would not place the " + what + " at " + r + ": " + why);
            taken.add(r);
            return r;
        }

        /** locate_hole(size, align, min, max, 1): the first aligned address at or above {@code min} that is free. */
        private AddressRange lowest(String what, List<AddressRange> ranges, long min, long align) {
            for (AddressRange ram : ranges) {
                for (long at = alignUp(Math.max(ram.base(), min), align); at + Segments.SIZE <= ram.end(); at += align) {
                    AddressRange r = new AddressRange(at, Segments.SIZE);
                    if (refusal(r) == null && !avoid.test(r)) {
                        taken.add(r);
                        return r;
                    }
                }
            }
            throw new IllegalStateException(String.format("kexec-tools: no hole for the %s at or above 0x%x, %d KiB aligned",
                    what, min, align >> 10));
        }

        private List<AddressRange> systemRamAscending() {
            return iomem.systemRam().stream().sorted().toList();
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

    /** _ALIGN_UP. */
    static long alignUp(long pa, long align) {
        return (pa + align - 1) / align * align;
    }
}
