package kexeccheck.simulator.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import kexeccheck.simulator.KernelSpec;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.MachineConfig;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import org.junit.jupiter.api.Test;

/**
 * The loader's own placements follow kexec-tools' arm64 rules: the image at
 * the lowest 2 MiB-aligned hole (arm64_locate_kernel_segment()), the initrd
 * and then the DTB in the lowest holes at or above the image's end
 * (arm64_load_other_segments(), hole_min = image_base + image_size).
 */
class KexecLoaderTest {

    private static final AddressRange RAM = new AddressRange(0x4000_0000L, 0x4000_0000L);
    private static final AddressRange CRASH = new AddressRange(0x4c00_0000L, 32L << 20);
    private static final long FRAME = Segments.SIZE;
    private static final Set<String> V61 = Set.of("enables-lpis", "disable-with-check", "adopts-preallocated",
            "kdump-bypass", "reads-memreserve", "writes-memreserve", "memreserve-in-iomem", "efi-stub");

    private static Machine machine(boolean crash, Predicate<AddressRange> avoid) {
        Board board = Board.qemuVirt(RAM, 2, null, crash ? CRASH : null);
        Machine m = new Machine(new MachineConfig(board, false, false, false, false, false, false),
                k -> Placement.LOWEST, avoid);
        m.powerOn(spec("K1", crash), Segments.ANYWHERE);
        m.bootGic();
        return m;
    }

    private static KernelSpec spec(String name, boolean crashNext) {
        return new KernelSpec(name, new Capabilities(V61), 0xa2, crashNext);
    }

    /** Image, initrd and DTB addresses, in the order the loader writes them. */
    private static List<Long> placed(StepRecord kexec) {
        return kexec.memoryWrites.stream().filter(w -> w.writer().startsWith("kexec")).map(w -> w.pa()).toList();
    }

    @Test
    void withNothingInTheWayTheSegmentsGoToTheBottomOfRam() {
        Machine m = machine(false, r -> false);
        StepRecord k = m.kexec(spec("K2", false), Segments.ANYWHERE, false);
        assertEquals(List.of(0x4000_0000L, 0x4001_0000L, 0x4002_0000L), placed(k));
    }

    @Test
    void theImageTakesTheLowestTwoMibAlignedHoleAndTheOthersFollowIt() {
        // the first frame is out of the loader's reach: the image does not take the next 64 KiB frame but the
        // next 2 MiB boundary, and the initrd and DTB go after the image although 0x40010000 is free
        Machine m = machine(false, r -> r.overlaps(new AddressRange(0x4000_0000L, FRAME)));
        StepRecord k = m.kexec(spec("K2", false), Segments.ANYWHERE, false);
        List<Long> at = placed(k);
        assertEquals(List.of(0x4020_0000L, 0x4021_0000L, 0x4022_0000L), at);
        assertEquals(0, at.get(0) % KexecLoader.KERNEL_ALIGN);
        assertEquals(0x4020_0000L, m.running().params().image().base());
    }

    @Test
    void aWantedImageMovesHoleMinForTheSegmentsTheLoaderChooses() {
        Machine m = machine(false, r -> false);
        StepRecord k = m.kexec(spec("K2", false), new Segments(0x4100_0000L, null, null), false);
        assertEquals(List.of(0x4100_0000L, 0x4101_0000L, 0x4102_0000L), placed(k));
    }

    @Test
    void wantedPlacementsAreUsedAsGiven() {
        Machine m = machine(false, r -> false);
        StepRecord k = m.kexec(spec("K2", false), new Segments(0x4800_0000L, 0x4000_0000L, 0x4804_0000L), false);
        assertEquals(List.of(0x4800_0000L, 0x4000_0000L, 0x4804_0000L), placed(k));
        assertTrue(k.notes.stream().noneMatch(n -> n.startsWith("kexec-tools would not place")), k.notes.toString());
    }

    @Test
    void aCrashKernelGoesToTheAlignedStartOfTheCrashRegion() {
        Machine m = machine(true, r -> false);
        StepRecord k = m.kexec(spec("K2", false), Segments.ANYWHERE, true);
        assertEquals(List.of(0x4c00_0000L, 0x4c01_0000L, 0x4c02_0000L), placed(k));
    }

    @Test
    void alignUpRoundsToTheBoundary() {
        assertEquals(0x4020_0000L, KexecLoader.alignUp(0x4000_0001L, KexecLoader.KERNEL_ALIGN));
        assertEquals(0x4000_0000L, KexecLoader.alignUp(0x4000_0000L, KexecLoader.KERNEL_ALIGN));
    }
}
