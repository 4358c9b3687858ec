package kexeccheck.simulator.gic;

/** Sees every register write, for the concrete run's printout. */
@FunctionalInterface
public interface RegisterListener {

    /**
     * @param register the register, e.g. {@code GICR_CTLR(CPU1)}
     * @param written the value written
     * @param result the register's value afterwards (differs when the hardware ignores or masks the write)
     */
    void written(String register, long written, long result);
}
