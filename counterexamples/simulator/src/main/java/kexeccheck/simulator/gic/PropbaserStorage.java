package kexeccheck.simulator.gic;

import java.util.ArrayList;
import java.util.List;

/**
 * The flip-flops behind GICR_PROPBASER, and the redistributors whose RD_base
 * frame reads and writes them. The GICv3 architecture gives every
 * redistributor its own GICR_PROPBASER unless the implementation shares one
 * (GICR_TYPER.CommonLPIAff; GICR_PROPBASER is IHI 0069 §12.11.25): then a write
 * through any sharer's frame is what every sharer reads back, the last write
 * winning. QEMU's model keeps one per CPU ({@code GICv3CPUState.gicr_propbaser},
 * set to 0 for every CPU by arm_gicv3_common_reset() in hw/intc/arm_gicv3_common.c):
 * a redistributor nobody wrote names physical address 0.
 */
final class PropbaserStorage {

    private final List<Redistributor> sharers = new ArrayList<>();
    private long value;

    /** Another redistributor reads and writes this storage through its own frame. */
    void share(Redistributor rd) {
        sharers.add(rd);
    }

    long value() {
        return value;
    }

    void set(long value) {
        this.value = value;
    }

    /**
     * Whether a redistributor that reads this register has EnableLPIs set: the
     * property table it names is then in use, and sticky hardware ignores a
     * write to it (see {@link Redistributor}). On a shared register that is any
     * sharer, whichever frame the write comes through: the one table is live
     * for all of them.
     */
    boolean live() {
        return sharers.stream().anyMatch(Redistributor::enableLpis);
    }
}
