package kexeccheck.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a state violates one of the core properties: the offending write or
 * the live table and what the running kernel uses its frame for.
 */
public final class ViolationReason {

    /** Uses where a GIC table hurts no-one: set aside for it, or not the kernel's RAM. */
    private static final Set<String> HARMLESS = Set.of("fw-reserved", "memreserve", "handed-over", "outside");

    private ViolationReason() {}

    /** Whether a GIC table in memory of this use (a trace's {@code memory} value) hurts no-one. */
    public static boolean harmless(String use) {
        return HARMLESS.contains(use);
    }

    /** The reason in words, one sentence per offence; a generic sentence when none is known. */
    static String explain(String property, Configuration config, State s) {
        List<Offence> offences = offences(property, config, s);
        return offences.isEmpty() ? "the property's predicate is false in this state"
                : offences.stream().map(Offence::text).collect(Collectors.joining("; "));
    }

    /** The offences of the trace's violation state. */
    public static List<Offence> offences(Trace trace) {
        return offences(trace.property(), trace.configuration(), trace.violation());
    }

    /**
     * Every offence of this state against the property, in a fixed order;
     * empty for a property this class does not know.
     */
    public static List<Offence> offences(String property, Configuration config, State s) {
        return switch (property) {
            case "no-stray-write" -> strayWrites(s);
            case "lpis-delivered" -> lostLpis(config, s);
            case "one-property-table" -> List.of(new Offence(Offence.Kind.PROPERTY_TABLES_DIFFER, null,
                    s.redistributors().stream().filter(State.Redistributor::enableLpis)
                            .map(State.Redistributor::propbaser).filter(java.util.Objects::nonNull).distinct().toList(),
                    "the redistributors name different property tables: "
                    + String.join(", ", s.redistributors().stream().filter(State.Redistributor::enableLpis)
                            .map(r -> r.cpu() + " " + register(r.propbaser())).toList())));
            default -> List.of();
        };
    }

    private static List<Offence> strayWrites(State s) {
        List<Offence> out = new ArrayList<>();
        for (State.PendingWrite w : s.pendingWrites()) {
            if (!w.use().equals("pending-table:" + w.cpu()) && !HARMLESS.contains(w.use())) {
                out.add(new Offence(Offence.Kind.PENDING_WRITE, w.cpu(), List.of(w.frame()),
                        "the pending bit landed in " + w.frame() + ", " + s.kernel() + "'s " + w.use()));
            }
        }
        for (State.TableWrite w : s.tableWrites()) {
            if (!w.before().equals("free") && !HARMLESS.contains(w.before())) {
                out.add(new Offence(Offence.Kind.TABLE_WRITE, null, List.of(w.frame()),
                        s.kernel() + " wrote a GIC table over " + w.frame() + ", its " + w.before()));
            }
        }
        if ("up".equals(s.phase())) {
            for (State.Redistributor r : s.redistributors()) {
                if (!r.enableLpis()) continue;
                // a PROPBASER naming no table of the board (U-Boot's unshared reset value) is no table in RAM
                String prop = r.propbaser() == null ? null : s.memory().get(r.propbaser());
                if (prop != null && !"property-table".equals(prop) && !HARMLESS.contains(prop)) {
                    out.add(new Offence(Offence.Kind.LIVE_PROPERTY_TABLE, r.cpu(), present(r.propbaser()),
                            r.cpu() + "'s live property table " + r.propbaser() + " is " + s.kernel() + "'s " + prop));
                }
                String pend = s.memory().get(r.pendbaser());
                if (!("pending-table:" + r.cpu()).equals(pend) && !HARMLESS.contains(pend)) {
                    out.add(new Offence(Offence.Kind.LIVE_PENDING_TABLE, r.cpu(), present(r.pendbaser()),
                            r.cpu() + "'s live pending table " + r.pendbaser() + " is " + s.kernel() + "'s " + pend
                            + ": the GIC will set bits in it"));
                }
            }
        }
        return out;
    }

    /** A base register's frame, or what a register naming none of the board's frames holds. */
    private static String register(String frame) {
        return frame == null ? "no table of this board" : frame;
    }

    private static List<Offence> lostLpis(Configuration config, State s) {
        List<Offence> out = new ArrayList<>();
        for (State.Redistributor r : s.redistributors()) {
            if (!r.enableLpis()) {
                out.add(new Offence(Offence.Kind.LPIS_DISABLED, r.cpu(), List.of(), r.cpu() + " has LPIs disabled"));
            } else if (!"property-table".equals(s.memory().get(r.propbaser()))
                    || !("pending-table:" + r.cpu()).equals(s.memory().get(r.pendbaser()))) {
                out.add(new Offence(Offence.Kind.FOREIGN_TABLES, r.cpu(), present(r.propbaser(), r.pendbaser()),
                        r.cpu() + " still uses tables " + s.kernel() + " does not own (PROPBASER " + register(r.propbaser())
                        + ", PENDBASER " + register(r.pendbaser()) + "): its LPIs are lost"));
            }
        }
        return out;
    }

    /** The frames named, without the nulls of registers that name none. */
    private static List<String> present(String... frames) {
        return java.util.Arrays.stream(frames).filter(java.util.Objects::nonNull).toList();
    }
}
