package kexeccheck.simulator.replay;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.detect.Incident;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Capabilities;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.AddressRange;

/**
 * The properties of domain.md §5, judged on the simulator's own state after a
 * step: each answer is the reasons it fails (empty when it holds). Used by the
 * replay and by the explorer.
 */
public final class SimProperties {

    /** The incident kinds no-stray-write is about (not double owners, not memreserve nodes: the model has neither). */
    private static final java.util.Set<String> STRAY = java.util.Set.of("stray-gic-write", "stray-table-write", "live-table-reused");

    private SimProperties() {}

    /**
     * Why {@code property} fails after the step {@code r} of {@code m}. Judge
     * {@code its-quiescent} once per step: it consumes the ITS's count of unsafe reprogrammings.
     */
    public static List<String> violations(String property, Machine m, StepRecord r) {
        return switch (property) {
            case "no-stray-write" -> r.incidents.stream().filter(i -> STRAY.contains(i.kind()))
                    .map(Incident::describe).toList();
            case "lpis-delivered" -> lostLpis(m);
            case "one-property-table" -> oneTable(m);
            case "its-quiescent" -> m.itsReprogrammedUnsafely() ? List.of("an ITS base was written while enabled or busy") : List.of();
            case "reservations-bounded" -> leaks(m, r);
            // the outcome witness of the fail-stop class: the kernel died (a fault in init_IRQ or early boot)
            case "kernel-panics" -> m.running().isPanicked() ? List.of(m.running().name() + " panicked") : List.of();
            // the outcome witness of the recoverable class: a warning (and taint) in this step's log
            case "kernel-warns" -> r.log.stream().filter(kexeccheck.simulator.kernel.LogLine::warning)
                    .map(l -> "the kernel warns: " + l.text()).toList();
            default -> throw new IllegalArgumentException("the simulator does not know the property " + property);
        };
    }

    /** Every online CPU of a kernel that enables LPIs has them on, with tables this kernel owns. */
    private static List<String> lostLpis(Machine m) {
        Kernel k = m.running();
        List<String> out = new ArrayList<>();
        if (!k.isUp() || !k.has(Capabilities.ENABLES_LPIS)) return out;
        for (Redistributor rd : m.gic().redistributors()) {
            int cpu = rd.cpu();
            if (cpu >= k.its().onlineCpus()) continue; // never brought up: this kernel owes it nothing
            if (!rd.enableLpis()) {
                out.add("CPU" + cpu + " has LPIs disabled");
                continue;
            }
            if (!m.gic().its().collectionMapped(cpu)) {
                out.add("CPU" + cpu + "'s ITS collection is not mapped: no LPI reaches it");
                continue;
            }
            boolean prop = rd.propertyTable() == k.its().propertyTable()
                    && k.view().at(rd.propertyTable()).kind() == Use.Kind.PROPERTY_TABLE
                    || rd.propertyTable() == k.its().propertyTable() && k.view().at(rd.propertyTable()).setAsideForNothingElse();
            Long mine = k.its().pendingTables().get(cpu);
            boolean pend = mine != null && rd.pendingTable() == mine
                    && (k.view().at(mine).equals(Use.pendingTable(cpu)) || k.view().at(mine).setAsideForNothingElse());
            if (!prop || !pend) {
                out.add(String.format("CPU%d uses PROPBASER 0x%x, PENDBASER 0x%x: not tables %s owns",
                        cpu, rd.propertyTable(), rd.pendingTable(), k.name()));
            }
        }
        return out;
    }

    private static List<String> oneTable(Machine m) {
        List<Redistributor> enabled = m.gic().redistributors().stream().filter(Redistributor::enableLpis).toList();
        long distinct = enabled.stream().mapToLong(Redistributor::propertyTable).distinct().count();
        if (distinct <= 1) return List.of();
        // say which: a PROPBASER still at its reset value 0 names a "table" at physical address 0
        return List.of("enabled redistributors name " + distinct + " property tables: " + String.join(", ",
                enabled.stream().map(rd -> String.format("CPU%d 0x%x", rd.cpu(), rd.propertyTable())).toList()));
    }

    /** The list grew in this step while it already held a reservation no live table and no table of the kernel uses. */
    private static List<String> leaks(Machine m, StepRecord r) {
        boolean grew = r.memoryWrites.stream().anyMatch(w -> w.writer().endsWith("efi_mem_reserve_persistent"));
        if (!grew) return List.of();
        List<String> out = new ArrayList<>();
        Kernel k = m.running();
        m.memreserveList().ifPresent(list -> {
            for (AddressRange e : list.reservations()) {
                boolean live = m.gic().redistributors().stream().filter(Redistributor::enableLpis)
                        .anyMatch(rd -> e.contains(rd.propertyTable()) || e.contains(rd.pendingTable()));
                boolean used = e.contains(k.its().propertyTable())
                        || k.its().pendingTables().values().stream().anyMatch(e::contains);
                if (!live && !used) out.add("reservation " + e + " is for a table nobody uses");
            }
        });
        return out;
    }

}
