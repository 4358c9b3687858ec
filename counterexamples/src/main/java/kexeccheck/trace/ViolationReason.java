package kexeccheck.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a state violates one of the core properties, in words: the offending
 * write or the live table and what the running kernel uses its frame for.
 */
final class ViolationReason {

    /** Uses where a GIC table hurts no-one: set aside for it, or not the kernel's RAM. */
    private static final Set<String> HARMLESS = Set.of("fw-reserved", "memreserve", "outside");

    private ViolationReason() {}

    static String explain(String property, Configuration config, State s) {
        List<String> reasons = switch (property) {
            case "no-stray-write" -> strayWrites(s);
            case "lpis-delivered" -> lostLpis(config, s);
            case "one-property-table" -> List.of("the redistributors name different property tables: "
                    + String.join(", ", s.redistributors().stream().filter(State.Redistributor::enableLpis)
                            .map(r -> r.cpu() + " " + r.propbaser()).toList()));
            default -> List.of();
        };
        return reasons.isEmpty() ? "the property's predicate is false in this state" : String.join("; ", reasons);
    }

    private static List<String> strayWrites(State s) {
        List<String> out = new ArrayList<>();
        for (State.PendingWrite w : s.pendingWrites()) {
            if (!w.use().equals("pending-table:" + w.cpu()) && !HARMLESS.contains(w.use())) {
                out.add("the pending bit landed in " + w.frame() + ", " + s.kernel() + "'s " + w.use());
            }
        }
        for (State.TableWrite w : s.tableWrites()) {
            if (!w.before().equals("free") && !HARMLESS.contains(w.before())) {
                out.add(s.kernel() + " wrote a GIC table over " + w.frame() + ", its " + w.before());
            }
        }
        if ("up".equals(s.phase())) {
            for (State.Redistributor r : s.redistributors()) {
                if (!r.enableLpis()) continue;
                String prop = s.memory().get(r.propbaser());
                if (!"property-table".equals(prop) && !HARMLESS.contains(prop)) {
                    out.add(r.cpu() + "'s live property table " + r.propbaser() + " is " + s.kernel() + "'s " + prop);
                }
                String pend = s.memory().get(r.pendbaser());
                if (!("pending-table:" + r.cpu()).equals(pend) && !HARMLESS.contains(pend)) {
                    out.add(r.cpu() + "'s live pending table " + r.pendbaser() + " is " + s.kernel() + "'s " + pend
                            + ": the GIC will set bits in it");
                }
            }
        }
        return out;
    }

    private static List<String> lostLpis(Configuration config, State s) {
        List<String> out = new ArrayList<>();
        for (State.Redistributor r : s.redistributors()) {
            if (!r.enableLpis()) {
                out.add(r.cpu() + " has LPIs disabled");
            } else if (!"property-table".equals(s.memory().get(r.propbaser()))
                    || !("pending-table:" + r.cpu()).equals(s.memory().get(r.pendbaser()))) {
                out.add(r.cpu() + " still uses tables " + s.kernel() + " does not own (PROPBASER " + r.propbaser()
                        + ", PENDBASER " + r.pendbaser() + "): its LPIs are lost");
            }
        }
        return out;
    }
}
