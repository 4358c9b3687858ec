package kexeccheck.simulator.loader;

import java.util.List;
import java.util.function.Predicate;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.memory.AddressRange;

/**
 * kexec-tools' placement for kexec_load on arm64, over the outgoing kernel's /proc/iomem.
 *
 * <h2>Where kexec-tools puts a segment it chooses itself</h2>
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
 *     ({@link KexecLoader#KERNEL_ALIGN}). A crash kexec takes
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
 * <h2>Where the toy departs from kexec-tools</h2>
 * For a crash kexec whose aligned region start is taken or avoided the toy
 * tries the next 2 MiB step up, where kexec-tools would fail on the
 * overlapping segments. An initrd or DTB wanted below the image gets no note.
 * A wanted image still sets {@code hole_min} for the segments kexec-tools then
 * chooses itself.
 */
final class KexecToolsPlacement extends SegmentPlacement {

    private final Iomem iomem;
    private final AddressRange window;
    private final boolean honoursReserved;
    private long holeMin;

    /**
     * @param iomem the outgoing kernel's /proc/iomem
     * @param window the crashkernel= region for a crash kexec, else null
     * @param honoursReserved whether nested "reserved" entries are skipped
     * @param avoid ranges kexec-tools' own choices stay out of
     */
    KexecToolsPlacement(Iomem iomem, AddressRange window, boolean honoursReserved, Predicate<AddressRange> avoid) {
        super(avoid);
        this.iomem = iomem;
        this.window = window;
        this.honoursReserved = honoursReserved;
    }

    @Override
    String rule() {
        return "kexec-tools";
    }

    /** The image; afterwards hole_min = image_base + image_size. */
    @Override
    AddressRange image(Long wanted, StepRecord record) {
        AddressRange image;
        if (wanted != null) {
            image = wanted("image", wanted, record);
        } else if (window != null) {
            // _ALIGN_UP(crash_reserved_mem.start, MiB(2)); see the class comment for the toy's search upwards
            image = lowest("image", List.of(window), alignUp(window.base(), KexecLoader.KERNEL_ALIGN),
                    KexecLoader.KERNEL_ALIGN);
        } else {
            image = lowest("image", systemRamAscending(), 0, KexecLoader.KERNEL_ALIGN);
        }
        holeMin = image.end();
        return image;
    }

    @Override
    AddressRange initrd(Long wanted, StepRecord record) {
        return afterImage("initrd", wanted, record);
    }

    @Override
    AddressRange dtb(Long wanted, StepRecord record) {
        return afterImage("dtb", wanted, record);
    }

    /** The initrd or the DTB: add_buffer_phys_virt(..., 0, hole_min, hole_max, 1, 0). */
    private AddressRange afterImage(String what, Long wanted, StepRecord record) {
        if (wanted != null) return wanted(what, wanted, record);
        return lowest(what, window != null ? List.of(window) : systemRamAscending(), holeMin, KexecLoader.SEGMENT_ALIGN);
    }

    /** locate_hole(size, align, min, max, 1): the first aligned address at or above {@code min} that is free. */
    private AddressRange lowest(String what, List<AddressRange> ranges, long min, long align) {
        for (AddressRange ram : ranges) {
            for (long at = alignUp(Math.max(ram.base(), min), align); at + Segments.SIZE <= ram.end(); at += align) {
                AddressRange r = new AddressRange(at, Segments.SIZE);
                if (available(r)) return take(r);
            }
        }
        throw new IllegalStateException(String.format("kexec-tools: no hole for the %s at or above 0x%x, %d KiB aligned",
                what, min, align >> 10));
    }

    private List<AddressRange> systemRamAscending() {
        return iomem.systemRam().stream().sorted().toList();
    }

    @Override
    String refusal(AddressRange r) {
        if (window != null) return window.contains(r) ? null : "outside the Crash kernel region";
        if (!iomem.inSystemRam(r)) return "not System RAM";
        Iomem.Entry nested = iomem.nestedOverlap(r);
        if (honoursReserved && nested != null && nested.name().equals("reserved")) {
            return "nested \"reserved\" entry " + nested.range();
        }
        return null;
    }
}
