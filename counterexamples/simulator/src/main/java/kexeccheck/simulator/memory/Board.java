package kexeccheck.simulator.memory;

import java.util.List;

/**
 * A board's fixed description: where RAM is, where each CPU's redistributor
 * frame (RD_base) and the ITS frame sit, and the optional regions the
 * firmware sets aside (the LPI tables region, the crashkernel= region).
 *
 * @param ram the RAM ranges (the /memory node)
 * @param redistributors RD_base of each CPU's redistributor, CPU0 first
 * @param its the ITS frame's base
 * @param lpiRegion the region for the LPI tables, or null
 * @param crashKernel the crashkernel= region, or null
 */
public record Board(List<AddressRange> ram, List<Long> redistributors, long its,
                    AddressRange lpiRegion, AddressRange crashKernel) {

    /** The GICv3 redistributor region of the QEMU virt board: 128 KiB per CPU (RD_base then SGI_base). */
    public static final long GICR_BASE = 0x080a_0000L;
    /** The ITS frame of the QEMU virt board. */
    public static final long GITS_BASE = 0x0808_0000L;
    /** The GIC distributor of the QEMU virt board. */
    public static final long GICD_BASE = 0x0800_0000L;

    public Board {
        ram = List.copyOf(ram);
        redistributors = List.copyOf(redistributors);
    }

    /** A QEMU-virt-like board: RAM at 1 GiB, one redistributor per CPU. */
    public static Board qemuVirt(AddressRange ram, int cpus, AddressRange lpiRegion, AddressRange crashKernel) {
        List<Long> rds = new java.util.ArrayList<>();
        for (int i = 0; i < cpus; i++) rds.add(GICR_BASE + i * 0x2_0000L);
        return new Board(List.of(ram), rds, GITS_BASE, lpiRegion, crashKernel);
    }

    /** The number of CPUs (one redistributor each). */
    public int cpus() {
        return redistributors.size();
    }

    /** Whether the address is RAM. */
    public boolean isRam(long pa) {
        return ram.stream().anyMatch(r -> r.contains(pa));
    }
}
