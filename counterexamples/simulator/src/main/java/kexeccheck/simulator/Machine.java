package kexeccheck.simulator;

import java.util.function.Function;
import java.util.function.Predicate;
import kexeccheck.simulator.detect.Incident;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.detect.StrayWriteDetector;
import kexeccheck.simulator.firmware.BoardDeviceTree;
import kexeccheck.simulator.firmware.Bootloader;
import kexeccheck.simulator.firmware.DtNode;
import kexeccheck.simulator.firmware.EfiConfigTable;
import kexeccheck.simulator.firmware.Fdt;
import kexeccheck.simulator.firmware.MemreserveList;
import kexeccheck.simulator.gic.Gic;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.BootParams;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.loader.KexecLoader;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;

/**
 * The whole simulated machine: RAM, GIC, firmware, loader and the running
 * kernel, driven one event at a time. Each event returns the
 * {@link StepRecord} of what it did; the detector fills in the incidents.
 */
public final class Machine {

    /** Where the firmware keeps the EFI configuration table (firmware memory, outside /memory). */
    public static final long EFI_CONFIG_TABLE = 0x3f00_0000L;
    /** Where the EFI stub puts the memreserve root (EFI loader data, outside /memory here). */
    public static final long EFI_MEMRESERVE_ROOT = 0x3f00_1000L;
    /** Where firmware loads the first kernel's segments when no other place is chosen. */
    public static final long FW_IMAGE = 0x4020_0000L;
    /** Default first-kernel initrd. */
    public static final long FW_INITRD = 0x4400_0000L;
    /** Default first-kernel DTB. */
    public static final long FW_DTB = 0x4600_0000L;
    /** The LPI number an MSI becomes (the first LPI). */
    public static final int MSI_INTID = Gic.FIRST_LPI;

    private final MachineConfig config;
    private final PhysicalMemory memory = new PhysicalMemory();
    private final Gic gic;
    private final Function<String, Placement> placements;
    private final Predicate<AddressRange> loaderAvoid;
    private Kernel running;
    private StepRecord record;
    private int step = -1;
    private int itsUnsafeSeen;
    /** Devices stopped issuing MSIs at the kexec and start again once the next kernel's GIC is up. */
    private boolean devicesStopped;

    /**
     * @param config the world
     * @param placements each kernel's page-allocator choices, by kernel name
     * @param loaderAvoid ranges loader and firmware keep their own choices out of
     */
    public Machine(MachineConfig config, Function<String, Placement> placements, Predicate<AddressRange> loaderAvoid) {
        this.config = config;
        this.placements = placements;
        this.loaderAvoid = loaderAvoid;
        this.gic = new Gic(config.board(), config.clearable(), config.propbaserShared(), memory,
                (reg, written, result) -> {
                    String line = String.format("%s <- 0x%016x", reg, written)
                            + (written == result ? "" : String.format(" (reads back 0x%016x)", result));
                    if (record != null) record.registerWrites.add(line);
                });
        memory.observe(new StrayWriteDetector(() -> running == null ? null : running.view(), () -> record));
        memory.observe(this::watchMemreserveNodes);
    }

    /**
     * The memreserve list's nodes are pages a kernel got from its page
     * allocator; a kernel that does not reserve them, or a loader that does
     * not see them in /proc/iomem, may write over them. The abstract model
     * has no such frames, so this is reported as its own incident kind and
     * not judged as a stray write.
     */
    private void watchMemreserveNodes(long pa, int length, Writer writer) {
        if (record == null || writer.toString().endsWith("efi_mem_reserve_persistent")
                || writer.toString().endsWith("EFI stub")) {
            return;
        }
        AddressRange written = new AddressRange(pa, length);
        // a list that no longer ends is already garbage: reported when it was overwritten
        memreserveList().flatMap(list -> list.nodeOverlapping(written))
                .ifPresent(n -> record.incidents.add(new Incident(step, "memreserve-node-overwritten",
                        n.pa(), writer.toString(), "memreserve list node", record.kernel())));
    }

    private StepRecord begin(String kernel) {
        step++;
        record = new StepRecord(step, kernel);
        return record;
    }

    /**
     * Power-on: the firmware loads the first kernel and its DTB (and initrd),
     * the bootloader may program the LPI tables, the EFI stub may install the
     * memreserve root; the kernel boots to just before init_IRQ.
     */
    public StepRecord powerOn(KernelSpec first, Segments where) {
        begin(first.name());
        Writer fw = new Writer.Other("firmware");
        if (config.preprogrammed() && config.board().lpiRegion() != null) {
            int rc = Bootloader.gicLpiTablesInit(gic, memory, config.board().lpiRegion().base(), 16);
            record.notes.add("U-Boot gic_lpi_tables_init(0x" + Long.toHexString(config.board().lpiRegion().base())
                    + ", " + config.board().cpus() + ") = " + rc);
        }
        DtNode dt = BoardDeviceTree.build(config.board(), config.lpiNoMap(), bootargs(first));
        long image = where.image() != null ? where.image() : FW_IMAGE;
        long initrd = where.initrd() != null ? where.initrd() : FW_INITRD;
        long dtb = where.dtb() != null ? where.dtb() : FW_DTB;
        BoardDeviceTree.chosen64(dt, "linux,initrd-start", initrd);
        BoardDeviceTree.chosen64(dt, "linux,initrd-end", initrd + Segments.SIZE);
        if (config.efi() && first.capabilities().has(Capabilities.EFI_STUB)) {
            EfiConfigTable table = new EfiConfigTable(memory, EFI_CONFIG_TABLE);
            memory.fill(EFI_CONFIG_TABLE, 8, (byte) 0, fw);
            // Only a v4.20+ stub installs the memreserve root (b844470f2206); a kexec'd kernel never runs its stub.
            if (first.capabilities().has(Capabilities.INSTALLS_MEMRESERVE_ROOT)) {
                MemreserveList.install(memory, EFI_MEMRESERVE_ROOT, new Writer.Other(first.name() + " EFI stub"));
                table.install(EfiConfigTable.MEMRESERVE_GUID, EFI_MEMRESERVE_ROOT, new Writer.Other(first.name() + " EFI stub"));
            }
            BoardDeviceTree.chosen64(dt, "linux,uefi-system-table", EFI_CONFIG_TABLE);
        }
        memory.write(image, new byte[Segments.SIZE], fw);
        memory.fill(initrd, Segments.SIZE, (byte) 0x5a, fw);
        memory.write(dtb, Fdt.write(dt, Segments.SIZE), fw);
        running = null;
        running = boot(first, new AddressRange(image, Segments.SIZE), dtb, false);
        return record;
    }

    /** The command line: crashkernel=SIZE@BASE for a kernel that will load a crash kernel. */
    private String bootargs(KernelSpec k) {
        AddressRange crash = config.board().crashKernel();
        return "console=ttyAMA0" + (crash == null || !k.crashKernel() ? ""
                : String.format(" crashkernel=%dM@0x%x", crash.size() >> 20, crash.base()));
    }

    private Kernel boot(KernelSpec spec, AddressRange image, long dtb, boolean kdump) {
        BootParams params = new BootParams(spec.name(), spec.capabilities(), image, dtb, kdump, spec.propertyByte(),
                config.pages64k());
        return new Kernel(params, memory, gic, placements.apply(spec.name()), () -> record);
    }

    /** init_IRQ of the running kernel: its GIC and ITS drivers. */
    public StepRecord bootGic() {
        begin(running.name());
        running.initIrq();
        devicesStopped = false; // drivers probe again and re-enable bus mastering
        checkLiveTables();
        return record;
    }

    /**
     * kexec (or, with {@code crash}, a panic and kexec -p) into the next
     * kernel: the loader places its segments (kexec-tools over /proc/iomem, or
     * with kexec_file_load the outgoing kernel over its memblock), the GIC is left
     * as it is, and the new kernel boots to just before init_IRQ.
     */
    public StepRecord kexec(KernelSpec next, Segments where, boolean crash) {
        begin(next.name());
        devicesStopped = !config.devicesActive();
        KexecLoader loader = new KexecLoader(memory, config.honoursReserved(), config.userDtb(), config.fileLoad());
        Kernel outgoing = running;
        running = null; // from here the outgoing kernel's tags no longer describe anyone's memory
        KexecLoader.Loaded loaded = loader.load(outgoing, crash, where, bootargs(next), loaderAvoid, record);
        running = boot(next, loaded.image(), loaded.dtb(), crash);
        return record;
    }

    /** A device MSI that the ITS turns into an LPI for {@code cpu}. */
    public StepRecord msi(int cpu) {
        begin(running.name());
        if (running.isPanicked() || devicesStopped) {
            record.notes.add(running.isPanicked() ? "no MSI: the kernel is dead"
                    : "no MSI: devices are quiescent until the next kernel is up (pci_device_shutdown() cleared"
                    + " bus mastering)");
            checkLiveTables();
            return record;
        }
        long at = gic.lpiBecomesPending(cpu, MSI_INTID);
        record.notes.add(at < 0 ? "the MSI is not delivered (LPIs or the ITS are off, or CPU" + cpu
                + "'s collection is not mapped)"
                : String.format("LPI %d pending on CPU%d: bit %d of byte 0x%x", MSI_INTID, cpu, MSI_INTID % 8, at));
        checkLiveTables();
        return record;
    }

    /** Nothing happens. */
    public StepRecord stutter() {
        begin(running.name());
        checkLiveTables();
        return record;
    }

    /**
     * Once the running kernel's GIC driver has made its decisions, a live
     * table (one an enabled redistributor names) must be that kernel's table
     * or in memory set aside for nothing else: anything else means the page
     * allocator or some other user owns memory the GIC reads and writes.
     */
    private void checkLiveTables() {
        if (running == null || !running.isUp()) return;
        for (Redistributor rd : gic.redistributors()) {
            if (!rd.enableLpis()) continue;
            Use prop = running.view().at(rd.propertyTable());
            if (prop.kind() != Use.Kind.PROPERTY_TABLE && !prop.setAsideForNothingElse()) {
                record.incidents.add(new Incident(step, "live-table-reused", rd.propertyTable(),
                        "CPU" + rd.cpu() + " property table", prop.label(), running.name()));
            }
            Use pend = running.view().at(rd.pendingTable());
            if (!pend.equals(Use.pendingTable(rd.cpu())) && !pend.setAsideForNothingElse()) {
                record.incidents.add(new Incident(step, "live-table-reused", rd.pendingTable(),
                        "CPU" + rd.cpu() + " pending table", pend.label(), running.name()));
            }
        }
    }

    /** Whether a kernel reprogrammed ITS bases while the ITS was enabled or busy, since the last call. */
    public boolean itsReprogrammedUnsafely() {
        int now = gic.its().unsafeReprograms();
        boolean more = now > itsUnsafeSeen;
        itsUnsafeSeen = now;
        return more;
    }

    /** The running kernel. */
    public Kernel running() {
        return running;
    }

    /** The GIC. */
    public Gic gic() {
        return gic;
    }

    /** RAM. */
    public PhysicalMemory memory() {
        return memory;
    }

    /** The world. */
    public MachineConfig config() {
        return config;
    }

    /** The memreserve list, if the firmware and first kernel installed one. */
    public java.util.Optional<MemreserveList> memreserveList() {
        java.util.OptionalLong root = new EfiConfigTable(memory, EFI_CONFIG_TABLE).find(EfiConfigTable.MEMRESERVE_GUID);
        return root.isPresent() && config.efi()
                ? java.util.Optional.of(new MemreserveList(memory, root.getAsLong())) : java.util.Optional.empty();
    }

    /** The index of the last step. */
    public int step() {
        return step;
    }
}
