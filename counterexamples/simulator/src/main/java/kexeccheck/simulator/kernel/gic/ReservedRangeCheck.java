package kexeccheck.simulator.kernel.gic;

import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.memory.AddressRange;

/**
 * gic_check_reserved_range() (drivers/irqchip/irq-gic-v3-its.c, v4.20+):
 * is a table the kernel found programmed inside one memblock.reserved range?
 * A kdump kernel (capability {@code kdump-bypass}) answers yes without
 * looking: its predecessor's tables are outside its memory by construction.
 */
final class ReservedRangeCheck {

    private final Kernel kernel;

    ReservedRangeCheck(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * @param message the log identifier of the warning when the range is not reserved
     * @param cpu the CPU the warning is about, or -1
     */
    boolean check(long pa, long size, String message, int cpu) {
        if (kernel.has(Capabilities.KDUMP_BYPASS) && kernel.params().kdump()) return true;
        AddressRange range = new AddressRange(pa, size);
        if (kernel.memblock().insideOneReservedRange(range)) return true;
        String text = String.format("GICv3: Expected reserved range [0x%016x:0x%016x], not found", pa, pa + size - 1);
        if (cpu >= 0) text += " (WARNING: CPU: " + cpu + " at its_cpu_init_lpis)";
        kernel.log(cpu, message, text, true);
        return false;
    }
}
