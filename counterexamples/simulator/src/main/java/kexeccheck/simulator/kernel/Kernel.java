package kexeccheck.simulator.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.firmware.DtNode;
import kexeccheck.simulator.firmware.EfiConfigTable;
import kexeccheck.simulator.firmware.Fdt;
import kexeccheck.simulator.firmware.MemreserveList;
import kexeccheck.simulator.gic.Gic;
import kexeccheck.simulator.kernel.gic.ItsDriver;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.PhysicalMemory;

/**
 * One booted kernel: what it learnt at early boot (the DT, memblock, EFI),
 * its owner tags and page allocator, and its GIC driver. Construction is
 * setup_arch(): parse the DTB in RAM, fill memblock, honour the EFI
 * memreserve list if the kernel reads it, and hand the rest to the page
 * allocator. {@link #initIrq()} is init_IRQ(): the GIC and ITS drivers.
 */
public final class Kernel {

    private final BootParams params;
    private final PhysicalMemory memory;
    private final Gic gic;
    private final Supplier<StepRecord> record;
    private final DtNode dt;
    private final Memblock memblock = new Memblock();
    private final MemoryView view = new MemoryView();
    private final PageAllocator allocator;
    private final EfiConfigTable efi;
    private final List<AddressRange> iomemReserved = new ArrayList<>();
    private final ItsDriver its;
    private AddressRange initrd;
    private AddressRange crashKernel;
    private boolean up;
    private boolean panicked;

    /**
     * Boots a kernel up to the point where its GIC driver would run.
     *
     * @param params what it was given at entry
     * @param memory RAM
     * @param gic the interrupt controller (left as the previous kernel left it)
     * @param placement the page allocator's choices
     * @param record the step being recorded, for log lines and decisions
     */
    public Kernel(BootParams params, PhysicalMemory memory, Gic gic, Placement placement,
                  Supplier<StepRecord> record) {
        this.params = params;
        this.memory = memory;
        this.gic = gic;
        this.record = record;
        byte[] header = memory.read(params.dtb(), Fdt.HEADER_SIZE);
        int total = (int) kexeccheck.simulator.memory.Bytes.be(header, 4, 4);
        this.dt = Fdt.read(memory.read(params.dtb(), Math.max(total, Fdt.HEADER_SIZE)));
        this.efi = dt.find("chosen").flatMap(c -> c.get("linux,uefi-system-table"))
                .map(b -> new EfiConfigTable(memory, kexeccheck.simulator.memory.Bytes.be(b, 0, 8))).orElse(null);
        try {
            setupMemblock(total);
        } catch (KernelFault fault) {
            panic(fault);
        }
        this.allocator = new PageAllocator(view, placement);
        this.its = new ItsDriver(this);
    }

    /** early_init_dt_scan_memory, the reserved-memory scan, arm64_memblock_init and efi_config_parse_tables. */
    private void setupMemblock(int dtbSize) {
        DtNode chosen = dt.find("chosen").orElse(new DtNode("chosen"));
        List<AddressRange> usable = chosen.rangesOf("linux,usable-memory-range");
        for (DtNode n : dt.children()) {
            if (n.stringOf("device_type").filter("memory"::equals).isPresent()) n.rangesOf("reg").forEach(memblock::add);
        }
        if (params.kdump() && !usable.isEmpty()) { // fdt_enforce_memory_region: a kdump kernel's RAM is its region
            List<AddressRange> all = memblock.memory();
            all.forEach(memblock::removeNomap);
            usable.forEach(memblock::add);
        }
        dt.find("reserved-memory").ifPresent(rm -> rm.children().forEach(child -> child.rangesOf("reg").forEach(r -> {
            if (child.has("no-map")) memblock.removeNomap(r); else memblock.reserve(r, Use.of(Use.Kind.FW_RESERVED));
        })));
        Optional<Long> initrdStart = chosen.get("linux,initrd-start").map(b -> kexeccheck.simulator.memory.Bytes.be(b, 0, 8));
        Optional<Long> initrdEnd = chosen.get("linux,initrd-end").map(b -> kexeccheck.simulator.memory.Bytes.be(b, 0, 8));
        if (initrdStart.isPresent() && initrdEnd.isPresent()) {
            initrd = new AddressRange(initrdStart.get(), initrdEnd.get() - initrdStart.get());
        }
        if (!params.kdump()) crashKernel = CrashKernelParam.parse(chosen.stringOf("bootargs").orElse(""));
        if (efi != null && params.capabilities().has(Capabilities.READS_MEMRESERVE)) {
            new MemreserveReader(this).reserveAll();
        }
        SimulatorAccounts.of(params.capabilities()).forEach(e -> e.reserveAtBoot(this));
        if (crashKernel != null) memblock.reserve(crashKernel, Use.of(Use.Kind.CRASH_KERNEL));
        memblock.reserve(params.image(), Use.of(Use.Kind.IMAGE));
        if (initrd != null) memblock.reserve(initrd, Use.of(Use.Kind.INITRD));
        memblock.reserve(new AddressRange(params.dtb(), dtbSize), Use.of(Use.Kind.DTB));
        for (AddressRange m : memblock.memory()) view.set(m, Use.of(Use.Kind.FREE));
        for (Memblock.Reservation r : memblock.reserved()) {
            for (AddressRange m : memblock.memory()) {
                if (!m.overlaps(r.range())) continue;
                long from = Math.max(m.base(), r.range().base());
                long to = Math.min(m.end(), r.range().end());
                view.set(new AddressRange(from, to - from), r.reason()); // later reservations win: own segments last
            }
        }
        if (!params.kdump() && crashKernel == null) return;
    }

    /** init_IRQ(): the GICv3 and ITS drivers' boot-time work; a fault there kills the kernel. */
    public void initIrq() {
        if (panicked) return;
        try {
            its.init();
            up = true;
            SimulatorAccounts.of(params.capabilities()).forEach(e -> e.gicInitialised(this));
        } catch (KernelFault fault) {
            panic(fault);
        }
    }

    private void panic(KernelFault fault) {
        panicked = true;
        log(-1, null, fault.getMessage(), false);
        log(-1, "KernelPanic", "Kernel panic - not syncing: Attempted to kill the idle task!", false);
    }

    /** Whether it died (a fault at boot): nothing more happens in this boot. */
    public boolean isPanicked() {
        return panicked;
    }

    /** Prints a line to the kernel log. */
    public void log(int cpu, String message, String text, boolean warning) {
        record.get().log.add(new LogLine(cpu, message, text, warning));
    }

    /** The step being recorded. */
    public StepRecord record() {
        return record.get();
    }

    /** What it was given at entry. */
    public BootParams params() {
        return params;
    }

    /** Its name in the chain. */
    public String name() {
        return params.name();
    }

    /** Whether it has the capability. */
    public boolean has(String capability) {
        return params.capabilities().has(capability);
    }

    /** RAM. */
    public PhysicalMemory memory() {
        return memory;
    }

    /** The interrupt controller. */
    public Gic gic() {
        return gic;
    }

    /** The device tree it booted with. */
    public DtNode deviceTree() {
        return dt;
    }

    /** memblock. */
    public Memblock memblock() {
        return memblock;
    }

    /** Its owner tags. */
    public MemoryView view() {
        return view;
    }

    /** Its page allocator. */
    public PageAllocator allocator() {
        return allocator;
    }

    /** The EFI configuration table, if it was booted with EFI (efi_enabled(EFI_CONFIG_TABLES)). */
    public Optional<EfiConfigTable> efi() {
        return Optional.ofNullable(efi);
    }

    /** The memreserve list, if EFI has one (the root the stub installed). */
    public Optional<MemreserveList> memreserveList() {
        return efi().flatMap(e -> {
            java.util.OptionalLong root = e.find(EfiConfigTable.MEMRESERVE_GUID);
            return root.isPresent() ? Optional.of(new MemreserveList(memory, root.getAsLong())) : Optional.empty();
        });
    }

    /** Ranges this kernel shows as "reserved" in /proc/iomem beyond memblock's (efi_mem_reserve_iomem). */
    public List<AddressRange> iomemReserved() {
        return iomemReserved;
    }

    /** The crashkernel= region it reserved, if any. */
    public Optional<AddressRange> crashKernel() {
        return Optional.ofNullable(crashKernel);
    }

    /** Its initrd, if any. */
    public Optional<AddressRange> initrd() {
        return Optional.ofNullable(initrd);
    }

    /** Whether init_IRQ has run. */
    public boolean isUp() {
        return up;
    }

    /** Its GIC/ITS driver state. */
    public ItsDriver its() {
        return its;
    }
}
