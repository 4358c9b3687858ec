package kexeccheck.simulator.kernel.gic;

import kexeccheck.simulator.gic.GicrCtlr;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Kernel;

/**
 * Capability {@code blind-reprogram} (v4.16 and older): its_cpu_init_lpis()
 * clears EnableLPIs without checking that it cleared, writes both bases and
 * sets EnableLPIs. On sticky hardware the base writes are ignored and the CPU
 * keeps the previous kernel's tables, which the kernel never learns.
 */
final class BlindReprogram {

    private final Kernel kernel;

    BlindReprogram(Kernel kernel) {
        this.kernel = kernel;
    }

    /** @return {@code programmed} or {@code writes-ignored} */
    String run(int cpu, long propertyTable, long pendingTable, int idBits) {
        Redistributor rd = kernel.gic().redistributor(cpu);
        rd.write(GicrCtlr.OFFSET, rd.read(GicrCtlr.OFFSET) & ~GicrCtlr.ENABLE_LPIS);
        // This redistributor's own registers accept the writes iff EnableLPIs really cleared; a
        // GICR_PROPBASER shared with a live redistributor ignores them anyway, which the state shows
        // (its property base), not this CPU's mode.
        boolean took = !rd.enableLpis();
        long prop = GicrPropbaser.encode(propertyTable, idBits);
        long pend = GicrPendbaser.asLinuxWrites(pendingTable); // v4.15/4.16 compose it as 6.x does: no PTZ
        rd.write(GicrPropbaser.OFFSET, prop);
        rd.write(GicrPendbaser.OFFSET, pend);
        rd.write(GicrCtlr.OFFSET, rd.read(GicrCtlr.OFFSET) | GicrCtlr.ENABLE_LPIS);
        kernel.log(cpu, "UsingPending",
                String.format("CPU%d: using LPI pending table @0x%016x", cpu, pendingTable), false);
        return took ? "programmed" : "writes-ignored";
    }
}
