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
 * Loads the next kernel at a kexec (or, for a crash kexec, kexec -p), by the
 * syscall that really loads it ({@link LoadSyscall}):
 * <ul>
 * <li><b>kexec_load</b>: kexec-tools reads the outgoing kernel's /proc/iomem and
 *     places the image, initrd and DTB in System RAM — skipping nested
 *     "reserved" entries only when built with the 2019 patch
 *     ({@code honoursReserved}) — ({@code KexecToolsPlacement}); the DTB is the
 *     running one (/sys/firmware/fdt) or a user DTB without the LPI node
 *     ({@code userDtb}).</li>
 * <li><b>kexec_file_load</b>: the outgoing kernel places them itself in its
 *     memblock free ranges ({@code FileLoadPlacement}; {@code honoursReserved}
 *     does not apply) and builds the DTB from its own boot DT, whatever
 *     {@code userDtb} says: of_kexec_alloc_and_setup_fdt() (drivers/of/kexec.c,
 *     arm64 6.x; arm64's own create_dtb() in v5.x) starts from
 *     {@code initial_boot_params}, with the /reserved-memory it booted with, and
 *     the syscall takes no DTB (kexec-tools' image_arm64_load() in file mode
 *     passes on only the initrd and the command line, leaving --dtb unused). A
 *     kernel that itself booted from a user DTB without the LPI node so passes
 *     on a DT without it.</li>
 * </ul>
 * Either way, for a crash kexec the segments go inside the crashkernel= region,
 * and /chosen gets the new initrd, the bootargs, the EFI system table (so EFI
 * survives) and, for kdump, linux,usable-memory-range.
 *
 * <h2>Where the 64 KiB toy departs from the loaders</h2>
 * <ul>
 * <li>Every segment is one 64 KiB frame ({@link Segments#SIZE}), because the
 *     abstract model counts in 64 KiB frames. A real image spans
 *     {@code text_offset + image_size} from the Image header (tens of MiB for
 *     a typical distribution kernel), so a real initrd starts that far above
 *     the image, not 64 KiB above it; a real initrd is MiBs; a real DTB is its
 *     packed size rounded to the page size (4 KiB with 4 KiB pages), so with
 *     4 KiB pages the DTB shares the initrd's last 64 KiB frame or the next
 *     one.</li>
 * <li>The initrd alignment (and kexec-tools' DTB alignment) here is 64 KiB:
 *     the page of a kernel with 64 KiB pages; with 4 KiB pages it is 4 KiB.</li>
 * <li>The loader's own choices also stay out of the {@code avoid} ranges the
 *     caller passes (a frame a replay or the explorer pins for something
 *     else); neither loader has such a notion.</li>
 * <li>A placement the caller wants (a replayed trace's frame) is used as given,
 *     with a note when the rule of the syscall in use would not have put it
 *     there ({@link #refuses(String)}).</li>
 * </ul>
 */
public final class KexecLoader {

    /** The image's alignment in both loaders: kexec-tools' MiB(2), the kernel's MIN_KIMG_ALIGN. */
    public static final long KERNEL_ALIGN = 2L << 20;
    /**
     * The initrd's alignment (its buf_align is 0, raised to the page size by
     * locate_hole() and kexec_add_buffer()), and kexec-tools' DTB's: one 64 KiB
     * frame, a 64 KiB-page kernel's page.
     */
    public static final long SEGMENT_ALIGN = Segments.SIZE;

    /**
     * A loaded kernel.
     *
     * @param image its image range
     * @param initrd its initrd range
     * @param dtb its DTB's address
     * @param syscall the syscall that loaded it
     */
    public record Loaded(AddressRange image, AddressRange initrd, long dtb, LoadSyscall syscall) {}

    private final PhysicalMemory memory;
    private final boolean honoursReserved;
    private final boolean userDtb;
    private final boolean fileLoadFirst;

    /**
     * @param honoursReserved whether kexec-tools skips nested reserved entries (kexec_load only)
     * @param userDtb whether the user passes a DTB without the LPI node (--dtb) instead of the running one
     *     (kexec_load only)
     * @param fileLoadFirst whether kexec-tools tries kexec_file_load first ({@code syscall=kexec-file-load*})
     */
    public KexecLoader(PhysicalMemory memory, boolean honoursReserved, boolean userDtb, boolean fileLoadFirst) {
        this.memory = memory;
        this.honoursReserved = honoursReserved;
        this.userDtb = userDtb;
        this.fileLoadFirst = fileLoadFirst;
    }

    /** Whether a step's note says a loader would not have placed a wanted segment where it is. */
    public static boolean refuses(String note) {
        return (note.startsWith("kexec-tools") || note.startsWith("kexec_file_load"))
                && note.contains(SegmentPlacement.WOULD_NOT_PLACE);
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
        LoadSyscall syscall = LoadSyscall.used(fileLoadFirst, running);
        if (fileLoadFirst) record.notes.add(syscall == LoadSyscall.KEXEC_FILE_LOAD
                ? "kexec_file_load: " + running.name() + " places the segments and passes its own boot DT"
                : "kexec_file_load: ENOSYS from " + running.name() + ", kexec-tools falls back to kexec_load");
        AddressRange window = crash ? running.crashKernel().orElseThrow(
                () -> new IllegalStateException("crash kexec without a crashkernel= region")) : null;
        SegmentPlacement placer = syscall == LoadSyscall.KEXEC_FILE_LOAD
                ? new FileLoadPlacement(running.memblock(), window, avoid)
                : new KexecToolsPlacement(Iomem.of(running), window, honoursReserved, avoid);
        AddressRange image = placer.image(wanted.image(), record);
        AddressRange initrd = placer.initrd(wanted.initrd(), record);
        AddressRange dtbAt = placer.dtb(wanted.dtb(), record);
        boolean user = userDtb && syscall == LoadSyscall.KEXEC_LOAD;
        DtNode dt = user ? BoardDeviceTree.withoutLpiNode(running.deviceTree()) : running.deviceTree().copy();
        dt.find("chosen").orElseThrow().string("bootargs", bootargs);
        BoardDeviceTree.chosen64(dt, "linux,initrd-start", initrd.base());
        BoardDeviceTree.chosen64(dt, "linux,initrd-end", initrd.end());
        running.deviceTree().find("chosen").flatMap(c -> c.get("linux,uefi-system-table"))
                .ifPresent(v -> dt.find("chosen").orElseThrow().property("linux,uefi-system-table", v));
        SimulatorAccounts.extensions().forEach(e -> e.nextDeviceTree(running, dt, !user));
        if (crash) {
            dt.find("chosen").orElseThrow().ranges("linux,usable-memory-range", List.of(window));
        } else {
            dt.find("chosen").orElseThrow().remove("linux,usable-memory-range");
        }
        Writer kexec = new Writer.Other("kexec (" + running.name() + " → next)");
        memory.write(image.base(), ToyImage.bytes(), kexec);
        memory.fill(initrd.base(), Segments.SIZE, (byte) 0x5a, kexec);
        memory.write(dtbAt.base(), Fdt.write(dt, Segments.SIZE), kexec);
        return new Loaded(image, initrd, dtbAt.base(), syscall);
    }

    /** _ALIGN_UP. */
    static long alignUp(long pa, long align) {
        return SegmentPlacement.alignUp(pa, align);
    }
}
