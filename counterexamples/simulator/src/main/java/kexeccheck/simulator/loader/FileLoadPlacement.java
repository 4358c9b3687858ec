package kexeccheck.simulator.loader;

import java.util.List;
import java.util.function.Predicate;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.kernel.Memblock;
import kexeccheck.simulator.memory.AddressRange;

/**
 * kexec_file_load's placement on arm64: the running kernel places the segments itself.
 *
 * <h2>Free memory is memblock's, not /proc/iomem's</h2>
 * kexec_add_buffer() → kexec_locate_mem_hole() (kernel/kexec_file.c): arm64 selects
 * ARCH_KEEP_MEMBLOCK, so it calls kexec_walk_memblock(), which hands locate_mem_hole_callback()
 * the ranges of {@code for_each_free_mem_range(_reverse)(i, NUMA_NO_NODE, MEMBLOCK_NONE, ...)}:
 * memblock.memory minus memblock.reserved, no-map regions skipped ({@link Memblock#freeRanges()}).
 * Neither kexec-tools nor /proc/iomem is asked, so the {@code loader} option does not apply. Out of
 * reach is what the running kernel memblock-reserved at boot (its image, initrd and DTB, the
 * /reserved-memory children without no-map, the EFI memreserve entries and nodes it inherited, the
 * crashkernel= region) and, with {@code memreserve-in-memblock} (2bab693a608b), what it recorded with
 * efi_mem_reserve_persistent() since; no-map regions are not memblock.memory at all. Within reach is
 * every page the page allocator handed out after boot and memblock does not know of: LPI tables a
 * kernel allocated without that capability, or without EFI. That is no bug of the loader's:
 * kimage_alloc_page() stages the segments in other pages and copies them to their destination only
 * at kexec -e, when the running kernel is done with its memory — but a GIC that keeps its tables live
 * across the kexec is not.
 *
 * <p>A crash kexec places inside the crashkernel= region whatever memblock says of it: kexec_walk_memblock()
 * passes {@code crashk_res} itself to the callback ({@code walk_iomem_res_desc(crashk_res.desc, ...)}
 * in v5.x).
 *
 * <h2>Order and alignment</h2>
 * arch/arm64/kernel/kexec_image.c image_load() then machine_kexec_file.c load_other_segments()
 * (v5.0 to v6.12):
 * <ol>
 * <li><b>Image</b> — {@code buf_min = 0}, {@code buf_align = MIN_KIMG_ALIGN} (2 MiB),
 *     {@code top_down = false}: the lowest 2 MiB-aligned address of a free range where it fits
 *     (locate_mem_hole_bottom_up()).</li>
 * <li><b>Initrd</b> — {@code buf_min = kernel_load_addr + kernel_size} ("not allocate anything below
 *     the kernel"), {@code buf_align = 0} (raised to PAGE_SIZE by kexec_add_buffer()), bottom-up, below
 *     {@code round_down(kernel_load_addr, SZ_1G) + 32 GiB} (beyond the simulated RAM anyway).</li>
 * <li><b>DTB</b> — of_kexec_alloc_and_setup_fdt() (v5.x create_dtb()), then {@code buf_align = SZ_2M}
 *     ("not across 2MB boundary"), the same {@code buf_min}, {@code top_down = true}: the highest
 *     2 MiB-aligned address where it fits (locate_mem_hole_top_down() over the free ranges in reverse).</li>
 * <li>For a crash kexec the ELF core header comes first (top-down in the region); it is not
 *     simulated.</li>
 * </ol>
 *
 * <h2>Where the toy departs</h2>
 * Segments are one 64 KiB frame each ({@link Segments#SIZE}) and the initrd is aligned to a frame,
 * as in {@link KexecToolsPlacement}. Reservations are not rounded to pages. The initrd stays
 * reserved as long as the kernel runs, as the simulated kernel never frees it (Linux memblock_free()s
 * it in free_initrd_mem() once unpacked, unless {@code retain_initrd}). v6.0+ image_load() retries
 * with the image in the next hole when the other segments do not fit; the toy always finds room.
 */
final class FileLoadPlacement extends SegmentPlacement {

    /** load_other_segments()'s DTB alignment: SZ_2M. */
    static final long DTB_ALIGN = 2L << 20;

    private final Memblock memblock;
    private final AddressRange window;
    private long bufMin;

    /**
     * @param memblock the running kernel's memblock
     * @param window the crashkernel= region for a crash kexec, else null
     * @param avoid ranges the placement's own choices stay out of
     */
    FileLoadPlacement(Memblock memblock, AddressRange window, Predicate<AddressRange> avoid) {
        super(avoid);
        this.memblock = memblock;
        this.window = window;
    }

    @Override
    String rule() {
        return "kexec_file_load";
    }

    /** The image; afterwards {@code buf_min = kernel_load_addr + kernel_size}. */
    @Override
    AddressRange image(Long wanted, StepRecord record) {
        AddressRange image = wanted != null ? wanted("image", wanted, record)
                : bottomUp("image", 0, KexecLoader.KERNEL_ALIGN);
        bufMin = image.end();
        return image;
    }

    @Override
    AddressRange initrd(Long wanted, StepRecord record) {
        return wanted != null ? wanted("initrd", wanted, record) : bottomUp("initrd", bufMin, KexecLoader.SEGMENT_ALIGN);
    }

    @Override
    AddressRange dtb(Long wanted, StepRecord record) {
        return wanted != null ? wanted("dtb", wanted, record) : topDown("dtb", bufMin, DTB_ALIGN);
    }

    /** locate_mem_hole_bottom_up() over the ranges in ascending order. */
    private AddressRange bottomUp(String what, long min, long align) {
        for (AddressRange free : ranges()) {
            for (long at = alignUp(Math.max(free.base(), min), align); at + Segments.SIZE <= free.end(); at += align) {
                AddressRange r = new AddressRange(at, Segments.SIZE);
                if (available(r)) return take(r);
            }
        }
        throw noHole(what, min, align);
    }

    /** locate_mem_hole_top_down() over the ranges in descending order. */
    private AddressRange topDown(String what, long min, long align) {
        List<AddressRange> descending = new java.util.ArrayList<>(ranges());
        java.util.Collections.reverse(descending);
        for (AddressRange free : descending) {
            for (long at = alignDown(free.end() - Segments.SIZE, align); at >= Math.max(free.base(), min); at -= align) {
                AddressRange r = new AddressRange(at, Segments.SIZE);
                if (available(r)) return take(r);
            }
        }
        throw noHole(what, min, align);
    }

    /** The ranges the walk visits: the crashkernel= region for a crash kexec, else memblock's free ranges. */
    private List<AddressRange> ranges() {
        return window != null ? List.of(window) : memblock.freeRanges();
    }

    private static IllegalStateException noHole(String what, long min, long align) {
        return new IllegalStateException(String.format(
                "kexec_file_load: no hole for the %s at or above 0x%x, %d KiB aligned (-EADDRNOTAVAIL)",
                what, min, align >> 10));
    }

    @Override
    String refusal(AddressRange r) {
        if (window != null) return window.contains(r) ? null : "outside the crashkernel= region";
        if (memblock.freeRanges().stream().anyMatch(f -> f.contains(r))) return null;
        return memblock.reservationOverlapping(r)
                .map(res -> "memblock-reserved " + res.range() + " (" + res.reason().label() + ")")
                .orElse("not in memblock.memory (no-map, or no RAM)");
    }
}
