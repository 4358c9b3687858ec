import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kexeccheck.simulator.firmware.DtNode;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.KernelExtension;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;

/**
 * The simulator's account of docs/tutorial/chosen-lpi-tables.als (docs/writing-a-proposal.md):
 * what a kernel with the capability chosen-lpi-tables does, in the simulator's terms, written from
 * the proposal's text and not from the model.
 */
public final class ChosenLpiTablesAccount implements KernelExtension {

    /** The /chosen property: (address, size) pairs of two cells each, like linux,usable-memory-range. */
    static final String PROPERTY = "linux,lpi-tables";
    private static final long TABLE_SIZE = 64 * 1024;

    @Override
    public Set<String> capabilities() {
        return Set.of("chosen-lpi-tables");
    }

    @Override
    public Set<String> channels() {
        return Set.of("chosen-property");
    }

    /** early boot: memblock_reserve() every range /chosen names, so gic_check_reserved_range() accepts it. */
    @Override
    public void reserveAtBoot(Kernel kernel) {
        kernel.deviceTree().find("chosen").ifPresent(chosen -> chosen.rangesOf(PROPERTY)
                .forEach(r -> kernel.memblock().reserve(r, Use.of(Use.Kind.HANDED_OVER))));
    }

    /**
     * After the GIC driver: the kernel names the tables it took (the redistributors it adopted or
     * programmed) in its own /chosen, which kexec-tools copies into the next DTB, and registers them as
     * "reserved" in /proc/iomem. A kernel that does not use LPIs leaves the property as it received it.
     */
    @Override
    public void gicInitialised(Kernel kernel) {
        if (!kernel.has("enables-lpis")) {
            return;
        }
        List<AddressRange> tables = new ArrayList<>();
        kernel.record().cpuModes.forEach((cpu, mode) -> {
            if (mode.equals("adopted") || mode.equals("programmed")) {
                var rd = kernel.gic().redistributor(cpu);
                add(tables, rd.propertyTable());
                add(tables, rd.pendingTable());
            }
        });
        DtNode chosen = kernel.deviceTree().find("chosen").orElseThrow();
        if (tables.isEmpty()) {
            chosen.remove(PROPERTY);
            return;
        }
        chosen.ranges(PROPERTY, tables);
        kernel.iomemReserved().addAll(tables);
    }

    /** A user's DTB (--dtb) carries no record; the running DT carries whatever its /chosen holds. */
    @Override
    public void nextDeviceTree(Kernel running, DtNode next, boolean passthrough) {
        if (!passthrough) {
            next.find("chosen").ifPresent(chosen -> chosen.remove(PROPERTY));
        }
    }

    private static void add(List<AddressRange> tables, long pa) {
        AddressRange r = new AddressRange(pa, TABLE_SIZE);
        if (!tables.contains(r)) {
            tables.add(r);
        }
    }
}
