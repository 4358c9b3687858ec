package kexeccheck.simulator.firmware;

import kexeccheck.simulator.gic.Gic;
import kexeccheck.simulator.gic.GicrCtlr;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;

/**
 * What the bootloader does to the GIC before the first kernel: U-Boot's
 * gic_lpi_tables_init(base, num_redist) (arch/arm/lib/gic-v3-its.c, u-boot
 * master) as NXP Layerscape boards call it from ft_board_setup()
 * ({@code gic_lpi_tables_init(gd->arch.resv_ram - GIC_LPI_SIZE, cpu_numcores())},
 * then fdt_fixup_gic_lpi_memory() adds the {@code gic-lpi} reserved-memory node).
 */
public final class Bootloader {

    /** -EINVAL, what gic_lpi_tables_init() returns when a redistributor already has LPIs enabled. */
    public static final int EINVAL = -22;
    /** LPI_PROPBASE_SZ and LPI_PENDBASE_SZ with lpi_id_bits = 16: ALIGN(BIT(16), SZ_64K), ALIGN(BIT(16) / 8, SZ_64K). */
    private static final long TABLE = 64 * 1024;
    private static final Writer UBOOT = new Writer.Other("U-Boot");

    private Bootloader() {}

    /**
     * gic_lpi_tables_init(), in its order: refuses with -EINVAL if any
     * redistributor already has LPIs enabled ("Re-Distributor %d LPI is already
     * enabled"); writes GICR_PROPBASER = {@code base | InnerShareable | RaWaWb |
     * (lpi_id_bits - 1)}; memsets the pending tables (and only them: the
     * property table at {@code base} is left as it is) and flushes them; then
     * per redistributor i writes GICR_PENDBASER = {@code (base + 64 KiB + i *
     * 64 KiB) | InnerShareable | RaWaWb | PTZ} and GICR_CTLR = EnableLPIs.
     *
     * <p>GICR_PROPBASER is written once, through redistributor 0's frame only
     * ({@code writeq(val, priv.gicr_base + GICR_PROPBASER)}, u-boot master
     * 6073c36b2c8d), while PENDBASER and GICR_CTLR are written at {@code
     * gicr_base + i * GIC_REDISTRIBUTOR_OFFSET}. U-Boot thereby relies on the
     * GIC sharing PROPBASER between redistributors, which the architecture
     * allows but does not require (GICR_TYPER.CommonLPIAff). Where it is not
     * shared, redistributors 1.. keep their reset PROPBASER (architecturally
     * UNKNOWN; 0 in QEMU and in this model) yet get EnableLPIs: their property
     * table is at physical address 0. U-Boot's fallback to non-shareable when the
     * shareability reads back as 0 never runs here: the simulated GIC keeps it.
     *
     * @param idBits lpi_id_bits: min(GICD_TYPER.IDbits + 1, ITS_MAX_LPI_NRBITS = 16)
     * @return 0, or {@link #EINVAL} when some redistributor already had LPIs enabled
     */
    public static int gicLpiTablesInit(Gic gic, PhysicalMemory memory, long base, int idBits) {
        for (Redistributor rd : gic.redistributors()) {
            if ((rd.read(GicrCtlr.OFFSET) & GicrCtlr.ENABLE_LPIS) != 0) return EINVAL;
        }
        long prop = GicrPropbaser.encode(base, idBits);
        gic.redistributor(0).write(GicrPropbaser.OFFSET, prop);
        int n = gic.redistributors().size();
        memory.fill(base + TABLE, (int) (TABLE * n), (byte) 0, UBOOT);
        for (Redistributor rd : gic.redistributors()) {
            rd.write(GicrPendbaser.OFFSET, GicrPendbaser.asUBootWrites(base + TABLE + rd.cpu() * TABLE));
            rd.write(GicrCtlr.OFFSET, GicrCtlr.ENABLE_LPIS);
        }
        return 0;
    }
}
