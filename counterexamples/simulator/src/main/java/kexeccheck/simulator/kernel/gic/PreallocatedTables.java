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
     * Its PROPBASER is checked against the table adopted from the boot CPU's
     * ({@code if (WARN_ON(gic_rdists->prop_table_pa != paddr)) add_taint(...)},
     * drivers/irqchip/irq-gic-v3-its.c, v4.20 through v6.1 and later); on a
     * mismatch Linux warns and goes on, neither reprogramming nor disabling:
     * the CPU keeps a property table this kernel does not use. That is
     * redistributor 1.. after U-Boot on a GIC that does not share PROPBASER
     * (their PROPBASER is still 0).
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
        if (allocatedPending >= 0) freeSpare(cpu, allocatedPending);
        kernel.log(cpu, "UsingReservedPending",
                String.format("GICv3: CPU%d: using reserved LPI pending table @0x%016x", cpu, pend), false);
    }

    /**
     * its_free_pending_table() on the table allocate_lpi_tables() set aside for an adopted CPU.
     * From v5.17 (d23bc2bc1d63) this runs in a CPU-online callback its_lpi_memreserve_init()
     * registers only with EFI, so without EFI the table is kept. Pages carved from a mapped
     * reserved-memory region are PG_reserved: with 4 KiB pages the order-4 free trips
     * free_pages_prepare()'s check ("BUG: Bad page state") and the pages are leaked; with 64 KiB
     * pages it is an order-0 free, unchecked without CONFIG_DEBUG_VM, and they reach the allocator.
     */
    private void freeSpare(int cpu, long pa) {
        if (kernel.has(Capabilities.MEMRESERVE_ON_CPU_ONLINE) && kernel.efi().isEmpty()) return;
        AddressRange r = new AddressRange(pa, ItsDriver.PENDBASE_SZ);
        // memblock-reserved pages are PG_reserved from boot (reserve_bootmem_region())
        boolean pgReserved = kernel.memblock().reserved().stream().anyMatch(m -> m.range().contains(r));
        if (pgReserved && !kernel.params().pages64k()) {
            kernel.log(cpu, "BadPageState", String.format("BUG: Bad page state in process swapper/%d  pfn:%05x",
                    cpu, pa >> 12), true);
            kernel.view().set(r, kernel.view().before(pa)); // leaked: it stays what it was before the carve
            return;
        }
        kernel.allocator().free(pa, ItsDriver.PENDBASE_SZ);
    }

    private void adopt(long pa, Use use) {
        AddressRange r = new AddressRange(pa, use.kind() == Use.Kind.PROPERTY_TABLE ? ItsDriver.PROPBASE_SZ : ItsDriver.PENDBASE_SZ);
        if (kernel.view().at(pa).setAsideForNothingElse()) kernel.view().claim(r, use);
    }
}
