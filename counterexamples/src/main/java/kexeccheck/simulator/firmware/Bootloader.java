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
 * gic_lpi_tables_init(base, num_redist) (arch/arm/lib/gic-v3-its.c) as
 * NXP Layerscape boards call it.
 */
public final class Bootloader {

    private static final Writer UBOOT = new Writer.Other("U-Boot");

    private Bootloader() {}

    /**
     * gic_lpi_tables_init(): refuses if any redistributor already has LPIs
     * enabled; otherwise the property table at {@code base}, pending table i
     * at {@code base + 64 KiB + i * 64 KiB}, IDbits from LPI_NRBITS, PTZ, and
     * EnableLPIs on every redistributor. The board code zeroes the region first.
     *
     * @return 0, or -EBUSY when some redistributor already had LPIs enabled
     */
    public static int gicLpiTablesInit(Gic gic, PhysicalMemory memory, long base, int idBits) {
        for (Redistributor rd : gic.redistributors()) {
            if ((rd.read(GicrCtlr.OFFSET) & GicrCtlr.ENABLE_LPIS) != 0) return -16;
        }
        int n = gic.redistributors().size();
        memory.fill(base, 64 * 1024 * (n + 1), (byte) 0, UBOOT);
        for (Redistributor rd : gic.redistributors()) {
            rd.write(GicrPropbaser.OFFSET, GicrPropbaser.encode(base, idBits));
            rd.write(GicrPendbaser.OFFSET, GicrPendbaser.encode(base + 64 * 1024 + rd.cpu() * 64 * 1024L, true));
            rd.write(GicrCtlr.OFFSET, rd.read(GicrCtlr.OFFSET) | GicrCtlr.ENABLE_LPIS);
        }
        return 0;
    }
}
