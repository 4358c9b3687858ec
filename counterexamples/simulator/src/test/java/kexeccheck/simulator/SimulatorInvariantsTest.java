package kexeccheck.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random chains of up to 5 kernels through the simulator, with random
 * firmware, hardware (GICR_PROPBASER shared or not), loader (kexec_load or
 * kexec_file_load) and placement choices; after every step the
 * simulator's own invariants hold: no memory has two owners in one kernel's
 * view (except where the seed's get_of_page() really hands a page out twice),
 * and the EFI memreserve list is well formed unless something other than
 * efi_mem_reserve_persistent() wrote over one of its nodes (a kernel that does
 * not reserve the node pages, or a loader that does not see them in
 * /proc/iomem or memblock, may: that is the world's failure, not the simulator's).
 */
class SimulatorInvariantsTest {

    private static final AddressRange RAM = new AddressRange(0x4000_0000L, 0x4000_0000L);
    private static final long WINDOW = 0x4800_0000L;
    private static final int SLOTS = 12;

    @Provide
    Arbitrary<List<String>> chains() {
        return Arbitraries.of(List.copyOf(Profiles.ALL.keySet())).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 200)
    void invariantsHoldAfterEveryStep(@ForAll("chains") List<String> chain, @ForAll long seed,
                                      @ForAll boolean efi, @ForAll boolean clearable, @ForAll boolean preprogrammed,
                                      @ForAll boolean noMap, @ForAll boolean honours, @ForAll boolean userDtb,
                                      @ForAll boolean crashLast, @ForAll boolean propbaserShared,
                                      @ForAll boolean fileLoad, @ForAll @IntRange(min = 1, max = 4) int cpus) {
        Random random = new Random(seed);
        boolean crash = crashLast && chain.size() > 1;
        boolean region = preprogrammed || chain.contains("linux-5.3+dt-v1");
        Board board = Board.qemuVirt(RAM, cpus, region ? new AddressRange(0x4a00_0000L, 0x1_0000L * (cpus + 1)) : null,
                crash ? new AddressRange(0x4c00_0000L, 32L << 20) : null);
        Machine m = new Machine(new MachineConfig(board, clearable, efi, preprogrammed && region, noMap, honours, userDtb,
                true, false, propbaserShared, fileLoad),
                k -> randomPlacement(random), r -> r.overlaps(new AddressRange(WINDOW, SLOTS * 0x1_0000L)));
        List<String> steps = new ArrayList<>();
        clobbered = false;
        m.memory().observe((pa, length, writer) -> {
            if (writer.toString().endsWith("efi_mem_reserve_persistent")) return;
            AddressRange w = new AddressRange(pa, length);
            m.memreserveList().ifPresent(list -> {
                try {
                    clobbered |= list.walk().stream().skip(1).anyMatch(n -> w.overlaps(new AddressRange(n.pa(), 4096)));
                } catch (IllegalStateException loop) {
                    clobbered = true;
                }
            });
        });
        for (int i = 0; i < chain.size(); i++) {
            boolean crashNext = crash && i == chain.size() - 2;
            KernelSpec k = Profiles.kernel("K" + (i + 1), chain.get(i), crashNext);
            if (i == 0) {
                m.powerOn(k, randomSegments(random, false));
            } else {
                boolean crashThis = crash && i == chain.size() - 1;
                m.kexec(k, randomSegments(random, crashThis), crashThis);
            }
            steps.add("boot " + k.name() + " " + chain.get(i));
            if (diedOfAClobberedList(m, steps)) return;
            check(m, chain, steps);
            for (int n = random.nextInt(2); n > 0; n--) {
                m.msi(random.nextInt(cpus));
                steps.add("msi");
                check(m, chain, steps);
            }
            m.bootGic();
            steps.add("boot-gic");
            if (diedOfAClobberedList(m, steps)) return;
            check(m, chain, steps);
            m.msi(random.nextInt(cpus));
            steps.add("msi");
            check(m, chain, steps);
        }
    }

    private boolean clobbered;

    /**
     * A kernel may die at boot only by walking a memreserve node something wrote over (or by
     * running out of memory behind the absurd reservation such a node makes), or by carving
     * the seed's tables from a no-map region; then the run ends.
     */
    private boolean diedOfAClobberedList(Machine m, List<String> steps) {
        if (!m.running().isPanicked()) return false;
        boolean carved = m.running().has(Capabilities.DT_MEMORY_REGION_V1)
                && (m.config().lpiNoMap() || m.running().params().kdump()); // the region is outside its linear map
        assertTrue(clobbered || carved, "a kernel died with an intact memreserve list after " + steps);
        return true;
    }

    private void check(Machine m, List<String> chain, List<String> steps) {
        Kernel k = m.running();
        if (!k.has(Capabilities.DT_MEMORY_REGION_V1)) {
            assertEquals(List.of(), k.view().doubleOwners(), "after " + steps);
        }
        if (!clobbered) m.memreserveList().ifPresent(list -> assertEquals(List.of(), list.problems(), "after " + steps));
    }

    private static Segments randomSegments(Random random, boolean crash) {
        if (crash) return Segments.ANYWHERE;
        return new Segments(slot(random), slot(random), slot(random));
    }

    private static Long slot(Random random) {
        int s = random.nextInt(SLOTS + 4);
        return s >= SLOTS ? null : WINDOW + s * 0x1_0000L;
    }

    private static Placement randomPlacement(Random random) {
        return new Placement() {
            @Override
            public OptionalLong preferred(String purpose, long size) {
                return size == 0x1_0000L && random.nextInt(4) > 0
                        ? OptionalLong.of(WINDOW + random.nextInt(SLOTS) * 0x1_0000L) : OptionalLong.empty();
            }

            @Override
            public boolean avoid(AddressRange range) {
                return range.overlaps(new AddressRange(WINDOW, SLOTS * 0x1_0000L));
            }
        };
    }

    @Property(tries = 50)
    void memreserveListStaysWellFormedUnderManyReservations(@ForAll @Size(max = 600) List<@IntRange(min = 1, max = 64) Integer> sizes) {
        kexeccheck.simulator.memory.PhysicalMemory ram = new kexeccheck.simulator.memory.PhysicalMemory();
        var list = kexeccheck.simulator.firmware.MemreserveList.install(ram, 0x3f00_1000L, new kexeccheck.simulator.memory.Writer.Other("t"));
        long[] page = {0x4000_0000L};
        for (int s : sizes) {
            list.reservePersistent(0x5000_0000L, s * 4096L, () -> (page[0] += 4096), new kexeccheck.simulator.memory.Writer.Other("t"));
        }
        assertEquals(List.of(), list.problems());
        assertEquals(sizes.size(), list.reservations().size());
    }
}
