package kexeccheck.simulator.kernel.gic;

import kexeccheck.simulator.gic.GicrCtlr;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Kernel;

/**
 * Capability {@code disable-with-check}: redist_disable_lpis()
 * (irq-gic-v3-its.c, v4.17+). If a CPU boots with LPIs enabled and the
 * tables are not being adopted, warn, clear EnableLPIs, wait for RWP, and
 * give up on that CPU if the bit stayed set (sticky hardware).
 */
final class RedistDisableLpis {

    private final Kernel kernel;

    RedistDisableLpis(Kernel kernel) {
        this.kernel = kernel;
    }

    /** @return 0, or -EBUSY when EnableLPIs could not be cleared */
    int run(int cpu, boolean preallocated) {
        Redistributor rd = kernel.gic().redistributor(cpu);
        long val = rd.read(GicrCtlr.OFFSET);
        if ((val & GicrCtlr.ENABLE_LPIS) == 0) return 0;
        if (preallocated) return 0; // "If running with preallocated tables, there is nothing to do."
        kernel.log(cpu, "BootedWithLpisEnabled",
                "GICv3: CPU" + cpu + ": Booted with LPIs enabled, memory probably corrupted", true);
        rd.write(GicrCtlr.OFFSET, val & ~GicrCtlr.ENABLE_LPIS);
        if ((rd.read(GicrCtlr.OFFSET) & GicrCtlr.RWP) != 0) {
            kernel.log(cpu, "TimeoutDisabling", "CPU" + cpu + ": Timeout while disabling LPIs", true);
            return -110;
        }
        if ((rd.read(GicrCtlr.OFFSET) & GicrCtlr.ENABLE_LPIS) != 0) {
            kernel.log(cpu, "FailedToDisable", "CPU" + cpu + ": Failed to disable LPIs", true);
            return -16;
        }
        return 0;
    }
}
