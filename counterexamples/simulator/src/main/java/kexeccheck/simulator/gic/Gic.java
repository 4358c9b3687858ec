package kexeccheck.simulator.gic;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.memory.Board;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;

/**
 * The GICv3: a redistributor per CPU and an ITS, with the LPI tables in RAM
 * reached through {@link PhysicalMemory} (so every pending-bit write is seen
 * by the detector). Survives kexec: only a power cycle resets it.
 */
public final class Gic {

    /** The first LPI INTID. */
    public static final int FIRST_LPI = 8192;

    private final PhysicalMemory memory;
    private final boolean propbaserShared;
    private final List<Redistributor> redistributors = new ArrayList<>();
    private final Its its;

    /**
     * A GIC whose redistributors each have their own GICR_PROPBASER (the architecture's default).
     *
     * @param board where the redistributors are
     * @param clearable whether EnableLPIs can be cleared (GICR_CTLR.CES)
     * @param memory RAM, for the tables
     * @param listener sees every register write
     */
    public Gic(Board board, boolean clearable, PhysicalMemory memory, RegisterListener listener) {
        this(board, clearable, false, memory, listener);
    }

    /**
     * @param board where the redistributors are
     * @param clearable whether EnableLPIs can be cleared (GICR_CTLR.CES)
     * @param propbaserShared whether all redistributors share one GICR_PROPBASER (GICR_TYPER.CommonLPIAff
     *     sharing), so that a write through any one's frame is what every one reads back; else one each
     * @param memory RAM, for the tables
     * @param listener sees every register write
     */
    public Gic(Board board, boolean clearable, boolean propbaserShared, PhysicalMemory memory,
               RegisterListener listener) {
        this.memory = memory;
        this.propbaserShared = propbaserShared;
        PropbaserStorage common = new PropbaserStorage();
        for (int i = 0; i < board.cpus(); i++) {
            PropbaserStorage own = propbaserShared ? common : new PropbaserStorage();
            redistributors.add(new Redistributor(i, board.redistributors().get(i), clearable, listener, own));
        }
        this.its = new Its(listener);
    }

    /** Whether the redistributors share one GICR_PROPBASER. */
    public boolean propbaserShared() {
        return propbaserShared;
    }

    /** CPU {@code cpu}'s redistributor. */
    public Redistributor redistributor(int cpu) {
        return redistributors.get(cpu);
    }

    /** Every redistributor, CPU0 first. */
    public List<Redistributor> redistributors() {
        return List.copyOf(redistributors);
    }

    /** The ITS. */
    public Its its() {
        return its;
    }

    /**
     * An MSI translated to LPI {@code intid} targeting {@code cpu}: if that
     * redistributor has LPIs enabled, it reads the LPI's property byte from
     * the table GICR_PROPBASER names and sets bit {@code intid % 8} of byte
     * {@code intid / 8} of the table GICR_PENDBASER names (as QEMU's
     * arm_gicv3_redist.c does in guest RAM). The pending state is recorded
     * whether or not the property byte enables the LPI. Nothing is written when the
     * ITS is off or the CPU's collection is not mapped (the ITS drops the MSI).
     *
     * @return the physical address of the byte written, or -1 if nothing was written
     */
    public long lpiBecomesPending(int cpu, int intid) {
        Redistributor rd = redistributors.get(cpu);
        if (!rd.enableLpis() || !its.enabled() || !its.collectionMapped(cpu)) return -1;
        memory.readByte(rd.propertyTable() + (intid - FIRST_LPI)); // the property byte, as the GIC fetches it
        long at = rd.pendingTable() + intid / 8;
        int old = memory.readByte(at);
        memory.write(at, new byte[] {(byte) (old | (1 << (intid % 8)))}, new Writer.GicPending(cpu));
        return at;
    }
}
