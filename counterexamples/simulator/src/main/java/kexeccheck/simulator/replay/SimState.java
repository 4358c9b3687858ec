package kexeccheck.simulator.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.firmware.MemreserveList;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.LogLine;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.trace.State;

/**
 * The simulator's state after a step, abstracted to the trace's vocabulary
 * (frames, uses, message identifiers) so the two accounts can be compared
 * field by field.
 */
final class SimState {

    final List<String> fields = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private SimState() {}

    /** The simulator's state, seen through the frame map. */
    static SimState of(Machine m, StepRecord r, FrameMap frames) {
        SimState s = new SimState();
        for (Redistributor rd : m.gic().redistributors()) {
            s.put("CPU" + rd.cpu() + " redistributor", "EnableLPIs=" + (rd.enableLpis() ? 1 : 0)
                    + " PROPBASER=" + register(frames, rd.propertyTable())
                    + " PENDBASER=" + register(frames, rd.pendingTable()));
        }
        s.put("phase", m.running().isPanicked() ? "panicked" : m.running().isUp() ? "up" : "booting");
        s.put("its", m.gic().its().enabled() ? "enabled" : "disabled");
        s.put("collections", m.gic().its().collections().stream().map(c -> "CPU" + c).toList().toString());
        Map<String, String> uses = new LinkedHashMap<>();
        frames.all().forEach((f, pa) -> uses.put(f, m.running().view().at(pa).label()));
        s.put("memory", uses.toString());
        TreeSet<String> reserved = new TreeSet<>(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.substring(1))));
        m.memreserveList().ifPresent(list -> {
            for (AddressRange e : list.reservations()) {
                frames.all().forEach((f, pa) -> {
                    if (e.overlaps(new AddressRange(pa, FrameMap.FRAME))) reserved.add(f);
                });
            }
        });
        s.put("memreserve", reserved.toString());
        List<String> log = new ArrayList<>();
        for (LogLine l : r.log) if (l.message() != null) log.add((l.cpu() < 0 ? "" : "CPU" + l.cpu() + " ") + l.message());
        s.put("log", log.toString());
        Map<String, String> modes = new LinkedHashMap<>();
        r.cpuModes.forEach((cpu, mode) -> modes.put("CPU" + cpu, mode));
        s.put("cpuModes", modes.toString());
        s.put("propertyTable", r.propertyTable < 0 ? "null" : frame(frames, r.propertyTable));
        Map<String, String> alloc = new LinkedHashMap<>();
        r.allocatedPending.forEach((cpu, pa) -> alloc.put("CPU" + cpu, frame(frames, pa)));
        s.put("allocatedPending", alloc.toString());
        TreeSet<String> pw = new TreeSet<>();
        r.pendingWrites.forEach(w -> pw.add("CPU" + w.cpu() + "->" + frame(frames, w.pa()) + "(" + w.owner().label() + ")"));
        s.put("pendingWrites", pw.toString());
        Map<String, String> tw = new java.util.TreeMap<>();
        // a frame written twice in a step (a pending table carved over the property table just reset)
        // is reported with what the last write overwrote
        r.tableWrites.forEach(w -> tw.put(frame(frames, w.pa()), w.before().label()));
        s.put("tableWrites", tw.toString());
        return s;
    }

    /** The trace's state in the same form. */
    static SimState of(State t) {
        SimState s = new SimState();
        for (State.Redistributor rd : t.redistributors()) {
            s.put(rd.cpu() + " redistributor", "EnableLPIs=" + (rd.enableLpis() ? 1 : 0)
                    + " PROPBASER=" + Objects.requireNonNullElse(rd.propbaser(), "-")
                    + " PENDBASER=" + Objects.requireNonNullElse(rd.pendbaser(), "-"));
        }
        s.put("phase", t.phase());
        s.put("its", t.its());
        s.put("collections", t.collections().toString());
        s.put("memory", t.memory().toString());
        TreeSet<String> reserved = new TreeSet<>(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.substring(1))));
        reserved.addAll(t.memreserve());
        s.put("memreserve", reserved.toString());
        List<String> log = new ArrayList<>();
        for (State.LogLine l : t.log()) log.add((l.cpu() == null ? "" : l.cpu() + " ") + l.message());
        s.put("log", log.toString());
        s.put("cpuModes", t.cpuModes().toString());
        s.put("propertyTable", Objects.requireNonNullElse(t.propertyTable(), "null"));
        s.put("allocatedPending", t.allocatedPending().toString());
        TreeSet<String> pw = new TreeSet<>();
        t.pendingWrites().forEach(w -> pw.add(w.cpu() + "->" + w.frame() + "(" + w.use() + ")"));
        s.put("pendingWrites", pw.toString());
        Map<String, String> tw = new java.util.TreeMap<>();
        t.tableWrites().forEach(w -> tw.putIfAbsent(w.frame(), w.before()));
        s.put("tableWrites", tw.toString());
        return s;
    }

    private void put(String field, String value) {
        fields.add(field);
        values.put(field, value);
    }

    /** Every field where the two differ, as "field: simulator X, trace Y". */
    List<String> differences(SimState trace) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            String mine = values.get(f);
            String theirs = trace.values.get(f);
            if (!Objects.equals(mine, theirs)) out.add(f + ": simulator " + mine + ", trace " + theirs);
        }
        return out;
    }

    /**
     * What a base register names, as the trace writes it: "-" (the trace's null) when the
     * address is in none of the model's RAM, as a register still at its reset value 0 is (a
     * redistributor U-Boot enabled without writing its own PROPBASER); else its frame, or the
     * address when it is RAM no frame names.
     */
    private static String register(FrameMap frames, long pa) {
        return FrameMap.RAM.contains(pa) ? frame(frames, pa) : "-";
    }

    private static String frame(FrameMap frames, long pa) {
        if (pa == 0) return "-";
        String f = frames.frameAt(pa);
        return f == null ? String.format("0x%x", pa) : f;
    }
}
