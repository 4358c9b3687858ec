package kexeccheck.simulator.kernel.gic;

import kexeccheck.simulator.gic.GicrCtlr;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;

/**
 * Capability {@code adopts-preallocated} (v4.20+, RDIST_FLAGS_RD_TABLES_PREALLOCATED):
 * the decision in allocate_lpi_tables() to take over the tables the boot
 * CPU's redistributor already uses, and the adopted branch of
 * its_cpu_init_lpis(). Adopted memory becomes the kernel's table in its
 * owner tags only when it was set aside for nothing else; Linux changes no
 * allocator state on adoption, so an adopted table in free memory stays free
 * (and the detector will see it live in the allocator's memory).
 */
final class PreallocatedTables {

    private final Kernel kernel;
    private final ReservedRangeCheck check;

    PreallocatedTables(Kernel kernel, ReservedRangeCheck check) {
        this.kernel = kernel;
        this.check = check;
    }

    /** allocate_lpi_tables(): EnableLPIs on the boot CPU and enabled_lpis_allowed() (the property table reserved). */
    boolean decide() {
        if (!kernel.has(Capabilities.ADOPTS_PREALLOCATED)) return false;
        Redistributor boot = kernel.gic().redistributor(0);
        if ((boot.read(GicrCtlr.OFFSET) & GicrCtlr.ENABLE_LPIS) == 0) return false;
        long pa = GicrPropbaser.pa(boot.read(GicrPropbaser.OFFSET));
        if (!check.check(pa, ItsDriver.PROPBASE_SZ, "ExpectedReservedNotFound", -1)) return false;
        kernel.log(-1, "UsingPreallocated", "GICv3: Using preallocated redistributor tables", false);
        return true;
    }

    /** its_setup_lpi_prop_table(), preallocated: memremap the table at PROPBASER and reset it in place. */
    long adoptPropertyTable() {
        long pa = GicrPropbaser.pa(kernel.gic().redistributor(0).read(GicrPropbaser.OFFSET));
        ItsDriver.resetPropertyTable(kernel, pa);
        adopt(pa, Use.of(Use.Kind.PROPERTY_TABLE));
        return pa;
    }

    /**
     * its_cpu_init_lpis(), preallocated branch: this CPU already has LPIs on.
     *
     * @param propertyTable the adopted property table
     * @param allocatedPending the pending table allocate_lpi_tables() set aside for this CPU, freed here
     */
    void adoptCpu(int cpu, long propertyTable, long allocatedPending) {
        Redistributor rd = kernel.gic().redistributor(cpu);
        long prop = GicrPropbaser.pa(rd.read(GicrPropbaser.OFFSET));
        if (prop != propertyTable) {
            kernel.log(cpu, "PropbaserMismatch", "WARNING: CPU: " + cpu
                    + " at its_cpu_init_lpis: GICR_PROPBASER 0x" + Long.toHexString(prop) + " is not the adopted table", true);
        }
        long pend = GicrPendbaser.pa(rd.read(GicrPendbaser.OFFSET));
        check.check(pend, ItsDriver.PENDBASE_SZ, "PendingNotReserved", cpu);
        adopt(pend, Use.pendingTable(cpu));
        if (allocatedPending >= 0) kernel.allocator().free(allocatedPending, ItsDriver.PENDBASE_SZ);
        kernel.log(cpu, "UsingReservedPending",
                String.format("GICv3: CPU%d: using reserved LPI pending table @0x%016x", cpu, pend), false);
    }

    private void adopt(long pa, Use use) {
        AddressRange r = new AddressRange(pa, use.kind() == Use.Kind.PROPERTY_TABLE ? ItsDriver.PROPBASE_SZ : ItsDriver.PENDBASE_SZ);
        if (kernel.view().at(pa).setAsideForNothingElse()) kernel.view().claim(r, use);
    }
}
