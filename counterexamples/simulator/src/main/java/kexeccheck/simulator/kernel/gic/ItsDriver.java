package kexeccheck.simulator.kernel.gic;

import java.util.Map;
import java.util.TreeMap;
import kexeccheck.simulator.gic.GicrCtlr;
import kexeccheck.simulator.gic.GicrPendbaser;
import kexeccheck.simulator.gic.GicrPropbaser;
import kexeccheck.simulator.gic.GitsBaser;
import kexeccheck.simulator.gic.GitsCbaser;
import kexeccheck.simulator.gic.Its;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.Writer;

/**
 * One kernel's GICv3 ITS driver at boot (irq-gic-v3-its.c): its_init() →
 * its_probe_one() (quiesce and program the ITS), allocate_lpi_tables(), then
 * its_cpu_init() on every CPU. Each capability's code path lives in its own
 * class; this class is the order Linux calls them in and the state they
 * share (struct rdists).
 */
public final class ItsDriver {

    /** LPI_PROPBASE_SZ: ALIGN(BIT(16), SZ_64K). */
    public static final int PROPBASE_SZ = 64 * 1024;
    /** LPI_PENDBASE_SZ: ALIGN(BIT(16) / 8, SZ_64K). */
    public static final int PENDBASE_SZ = 64 * 1024;
    /** LPI_NRBITS. */
    static final int LPI_NRBITS = 16;

    private final Kernel kernel;
    private final ReservedRangeCheck check;
    private final PreallocatedTables preallocated;
    private final GicReserveRange reserve;
    private boolean tablesPreallocated;
    private long propertyTable = -1;
    private final Map<Integer, Long> pendingTables = new TreeMap<>();

    /** The driver of {@code kernel}. */
    public ItsDriver(Kernel kernel) {
        this.kernel = kernel;
        this.check = new ReservedRangeCheck(kernel);
        this.preallocated = new PreallocatedTables(kernel, check);
        this.reserve = new GicReserveRange(kernel);
    }

    /**
     * its_init() and its_cpu_init() on every CPU the kernel brings up; a kernel without
     * {@code enables-lpis} leaves the GIC alone. With {@code nr-cpus-1} only the boot CPU is possible:
     * the others are never brought up and keep what their redistributors hold.
     */
    public void init() {
        int all = kernel.gic().redistributors().size();
        if (!kernel.has(Capabilities.ENABLES_LPIS)) {
            for (int cpu = 0; cpu < all; cpu++) kernel.record().cpuModes.put(cpu, "untouched");
            return;
        }
        int cpus = onlineCpus();
        for (int cpu = cpus; cpu < all; cpu++) kernel.record().cpuModes.put(cpu, "offline");
        if (!probeIts()) return;
        DtMemoryRegion region = new DtMemoryRegion(kernel);
        if (kernel.has(Capabilities.BLIND_REPROGRAM)) {
            initBlind(cpus, region);
            return;
        }
        long[] allocated = allocateLpiTables(cpus, region);
        for (int cpu = 0; cpu < cpus; cpu++) its_cpu_init(cpu, allocated[cpu], region);
    }

    /**
     * its_probe_one(): its_force_quiescent(); the command queue
     * (alloc_pages_node(..., __GFP_ZERO, get_order(ITS_CMD_QUEUE_SZ)));
     * its_alloc_tables(); GITS_CBASER; GITS_CTLR.Enabled. The register values
     * are Linux's ({@link GitsBaser#asLinuxWrites}, {@link GitsCbaser#asLinuxWrites}).
     */
    private boolean probeIts() {
        Its its = kernel.gic().its();
        long ctlr = its.read(Its.GITS_CTLR);
        if ((ctlr & Its.ENABLED) != 0 || (ctlr & Its.QUIESCENT) == 0) {
            its.write(Its.GITS_CTLR, ctlr & ~Its.ENABLED);
            if ((its.read(Its.GITS_CTLR) & Its.QUIESCENT) == 0) {
                kernel.log(-1, "ItsNotQuiescent", "ITS@0x0000000008080000: Failed to quiesce, giving up", true);
                return false;
            }
        }
        long cmdq = kernel.allocator().allocate(GitsCbaser.LINUX_CMD_QUEUE_SZ, Use.of(Use.Kind.KERNEL_DATA), "its-cmdq");
        kernel.memory().fill(cmdq, GitsCbaser.LINUX_CMD_QUEUE_SZ, (byte) 0,
                new Writer.Other(kernel.name() + " its_probe_one (cmdq, __GFP_ZERO)"));
        for (int n = 0; n < 8; n++) allocTable(its, n);
        its.write(Its.GITS_CBASER, GitsCbaser.asLinuxWrites(cmdq));
        its.write(Its.GITS_CTLR, Its.ENABLED);
        kernel.log(-1, null, String.format("ITS@0x0000000008080000: allocated device table, cmdq @0x%x", cmdq), false);
        return true;
    }

    /**
     * its_alloc_tables() for GITS_BASERn: skip an unimplemented one (Type 0);
     * its_probe_baser_psz() (64 KiB first, which the simulated ITS keeps);
     * for the device table its_parse_indirect_baser(), which asks for a
     * two-level table when a flat one would be over two pages ({@code esz <<
     * device ID bits}: 8 << 16 = 512 KiB here) and then needs one 64 KiB
     * level-1 page; its_setup_baser(): zeroed pages, then the value.
     */
    private void allocTable(Its its, int n) {
        int offset = Its.GITS_BASER0 + 8 * n;
        long val = its.read(offset);
        int type = GitsBaser.type(val);
        if (type == GitsBaser.TYPE_NONE) return;
        its.write(offset, (val & ~GitsBaser.PAGE_SIZE_MASK) | (GitsBaser.PAGE_SIZE_64K << GitsBaser.PAGE_SIZE_SHIFT));
        int psz = GitsBaser.pageSize(its.read(offset));
        int esz = GitsBaser.entrySize(its.read(offset));
        long bytes = pageOrderSize(psz);
        boolean indirect = false;
        if (type == GitsBaser.TYPE_DEVICE) {
            int ids = Its.DEVICE_ID_BITS;
            int entry = esz;
            if (((long) esz << ids) > 2L * psz) {
                its.write(offset, GitsBaser.INNER_SHAREABLE | GitsBaser.INNER_RAWAWB | GitsBaser.INDIRECT);
                indirect = GitsBaser.indirect(its.read(offset));
                if (indirect) {
                    ids -= Integer.numberOfTrailingZeros(psz / esz);
                    entry = GitsBaser.LVL1_ENTRY_SIZE;
                }
            }
            bytes = Math.max(pageOrderSize((long) entry << ids), bytes);
        }
        long table = kernel.allocator().allocate(bytes, Use.of(Use.Kind.KERNEL_DATA), "its-table");
        kernel.memory().fill(table, (int) bytes, (byte) 0, new Writer.Other(kernel.name() + " its_alloc_tables"));
        its.write(offset, GitsBaser.asLinuxWrites(table, type, esz, psz, (int) (bytes / psz), indirect));
    }

    /** PAGE_ORDER_TO_SIZE(get_order(size)) with 4 KiB kernel pages: the power of two at or above it. */
    private static long pageOrderSize(long size) {
        long bytes = 4 * 1024;
        while (bytes < size) bytes <<= 1;
        return bytes;
    }

    /** allocate_lpi_tables(): the property table (adopted, carved or allocated), then a pending table per CPU. */
    private long[] allocateLpiTables(int cpus, DtMemoryRegion region) {
        tablesPreallocated = preallocated.decide();
        if (tablesPreallocated) {
            propertyTable = preallocated.adoptPropertyTable();
        } else {
            propertyTable = region.present()
                    ? region.getOfPage(PROPBASE_SZ, Use.of(Use.Kind.PROPERTY_TABLE), "property-table")
                    : kernel.allocator().allocate(PROPBASE_SZ, Use.of(Use.Kind.PROPERTY_TABLE), "property-table");
            resetPropertyTable(kernel, propertyTable);
            reserve.reserve(propertyTable, PROPBASE_SZ, -1);
        }
        kernel.record().propertyTable = propertyTable;
        kernel.log(-1, null, String.format("GICv3: using LPI property table @0x%016x", propertyTable), false);
        long[] allocated = new long[cpus];
        java.util.Arrays.fill(allocated, -1);
        // v4.20+ allocates every possible CPU's pending table here; v4.17-v4.19 only in its_cpu_init_lpis()
        if (!kernel.has(Capabilities.ADOPTS_PREALLOCATED)) return allocated;
        for (int cpu = 0; cpu < cpus; cpu++) allocated[cpu] = allocatePendingTable(cpu, region);
        return allocated;
    }

    /** its_allocate_pending_table(): from the region (the seed's get_of_page) or zeroed pages (__GFP_ZERO). */
    private long allocatePendingTable(int cpu, DtMemoryRegion region) {
        Use use = Use.pendingTable(cpu);
        long pa;
        if (region.present()) {
            pa = region.getOfPage(PENDBASE_SZ, use, use.label());
        } else {
            pa = kernel.allocator().allocate(PENDBASE_SZ, use, use.label());
            zero(pa, PENDBASE_SZ, use.label());
        }
        kernel.record().allocatedPending.put(cpu, pa);
        return pa;
    }

    /**
     * its_cpu_init(): redist_disable_lpis(), then its_cpu_init_lpis() and its_cpu_init_collections().
     * A CPU whose disable failed returns before both: no tables programmed, no MAPC, so no LPIs.
     */
    private void its_cpu_init(int cpu, long allocatedPending, DtMemoryRegion region) {
        if (kernel.has(Capabilities.DISABLE_WITH_CHECK)
                && new RedistDisableLpis(kernel).run(cpu, tablesPreallocated) != 0) {
            kernel.record().cpuModes.put(cpu, "disable-failed");
            if (allocatedPending >= 0) pendingTables.put(cpu, allocatedPending);
            // v5.17+ reserves every non-adopted CPU's table in its CPU-online callback, this one too
            if (allocatedPending >= 0 && kernel.has(Capabilities.MEMRESERVE_ON_CPU_ONLINE)) {
                reserve.reserve(allocatedPending, PENDBASE_SZ, cpu);
            }
            return;
        }
        Redistributor rd = kernel.gic().redistributor(cpu);
        if (tablesPreallocated && (rd.read(GicrCtlr.OFFSET) & GicrCtlr.ENABLE_LPIS) != 0) {
            preallocated.adoptCpu(cpu, propertyTable, allocatedPending);
            pendingTables.put(cpu, GicrPendbaser.pa(rd.read(GicrPendbaser.OFFSET)));
            kernel.record().cpuModes.put(cpu, "adopted");
            kernel.gic().its().mapCollection(cpu);
            return;
        }
        if (allocatedPending < 0) allocatedPending = allocatePendingTable(cpu, region);
        // The mode says whether this redistributor's own registers took the writes (EnableLPIs clear);
        // a GICR_PROPBASER shared with a live redistributor ignores them anyway, which the state
        // shows (its property base), not this CPU's mode.
        boolean took = !rd.enableLpis();
        rd.write(GicrPropbaser.OFFSET, GicrPropbaser.encode(propertyTable, LPI_NRBITS));
        rd.write(GicrPendbaser.OFFSET, GicrPendbaser.asLinuxWrites(allocatedPending)); // no PTZ: Linux never sets it
        rd.write(GicrCtlr.OFFSET, rd.read(GicrCtlr.OFFSET) | GicrCtlr.ENABLE_LPIS);
        // v4.20-v5.16 reserve the table here, before saying which one is used; v5.17+ in a CPU-online callback after
        boolean late = kernel.has(Capabilities.MEMRESERVE_ON_CPU_ONLINE);
        if (!late) reserve.reserve(allocatedPending, PENDBASE_SZ, cpu);
        pendingTables.put(cpu, allocatedPending);
        kernel.record().cpuModes.put(cpu, took ? "programmed" : "writes-ignored");
        kernel.log(cpu, "UsingAllocatedPending",
                String.format("GICv3: CPU%d: using allocated LPI pending table @0x%016x", cpu, allocatedPending), false);
        if (late) reserve.reserve(allocatedPending, PENDBASE_SZ, cpu);
        kernel.gic().its().mapCollection(cpu);
    }

    /** v4.16 and older: one property table, then per CPU a pending table and a blind reprogram. */
    private void initBlind(int cpus, DtMemoryRegion region) {
        propertyTable = kernel.allocator().allocate(PROPBASE_SZ, Use.of(Use.Kind.PROPERTY_TABLE), "property-table");
        resetPropertyTable(kernel, propertyTable);
        kernel.record().propertyTable = propertyTable;
        BlindReprogram blind = new BlindReprogram(kernel);
        for (int cpu = 0; cpu < cpus; cpu++) {
            Use use = Use.pendingTable(cpu);
            long pend = kernel.allocator().allocate(PENDBASE_SZ, use, use.label());
            zero(pend, PENDBASE_SZ, use.label());
            kernel.record().allocatedPending.put(cpu, pend);
            pendingTables.put(cpu, pend);
            kernel.record().cpuModes.put(cpu, blind.run(cpu, propertyTable, pend, LPI_NRBITS));
            kernel.gic().its().mapCollection(cpu); // v4.16 its_cpu_init() maps the collection unconditionally
        }
    }

    private void zero(long pa, int size, String table) {
        kernel.memory().fill(pa, size, (byte) 0, new Writer.KernelTable(kernel.name(), table));
    }

    /** gic_reset_prop_table() (its_allocate_prop_table() gets the pages without __GFP_ZERO and resets them): every byte LPI_PROP_DEFAULT_PRIO | LPI_PROP_GROUP1 (0xa2 in 6.1, 0xc2 in 6.12). */
    static void resetPropertyTable(Kernel kernel, long pa) {
        kernel.memory().fill(pa, PROPBASE_SZ, (byte) kernel.params().propertyByte(),
                new Writer.KernelTable(kernel.name(), "property-table"));
    }

    /** How many CPUs the kernel brings up (CPU0 first): all, or the boot CPU alone with {@code nr-cpus-1}. */
    public int onlineCpus() {
        return kernel.has(Capabilities.NR_CPUS_1) ? 1 : kernel.gic().redistributors().size();
    }

    /** The property table this kernel uses, or -1. */
    public long propertyTable() {
        return propertyTable;
    }

    /** The pending table this kernel uses (or set aside) per CPU. */
    public Map<Integer, Long> pendingTables() {
        return java.util.Collections.unmodifiableMap(pendingTables);
    }

    /** Whether it took the PREALLOCATED path. */
    public boolean tablesPreallocated() {
        return tablesPreallocated;
    }
}
