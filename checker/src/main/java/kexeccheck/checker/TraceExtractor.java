package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import edu.mit.csail.sdg.translator.A4Tuple;
import edu.mit.csail.sdg.translator.A4TupleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.KernelLog;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;

/**
 * Turns an Alloy solution into a {@link Trace}: reads the configuration
 * atoms once and each state's {@code var} fields of the core, and names
 * atoms the way users read them ({@code F3}, {@code CPU1}, {@code K2},
 * {@code linux-6.1}).
 */
final class TraceExtractor {

    private static final Map<String, String> USES = Map.of(
            "Free", "free", "Image", "image", "Initrd", "initrd", "Dtb", "dtb", "FwReserved", "fw-reserved",
            "MemReserved", "memreserve", "CrashKernel", "crash-kernel", "Outside", "outside",
            "PropTable", "property-table", "HandedOver", "handed-over");
    private static final Map<String, String> ENTRIES = Map.of(
            "firmware_boot", "firmware-boot", "kexec_entry", "kexec", "crash_entry", "crash-kexec");

    private final LoadedModel model;
    private final A4Solution solution;
    private final Map<String, String> kernels = new HashMap<>();
    private final Map<String, String> cpus = new LinkedHashMap<>();
    private final Map<String, String> pendingUses = new HashMap<>();
    private final Set<String> warnings;
    /** The kernels (atoms) that reserve pending tables in a CPU-online callback (v5.17+): fixed by the configuration. */
    private final Set<String> lateReservers = new java.util.HashSet<>();

    private TraceExtractor(LoadedModel model, A4Solution solution) {
        this.model = model;
        this.solution = solution;
        nameKernels();
        nameCpus();
        for (List<String> t : tuples("pend_cpu", 0)) {
            pendingUses.put(t.get(0), "pending-table:" + cpus.get(t.get(1)));
        }
        warnings = new java.util.HashSet<>();
        tuples("Warnings", 0).forEach(t -> warnings.add(Names.bare(t.get(0))));
        tuples("{k: Kernel | memreserve_on_cpu_online in k.profile.caps}", 0).forEach(t -> lateReservers.add(t.get(0)));
    }

    /**
     * The trace of a solution, cut at the first state where {@code failing} holds and with the
     * stutter steps before it removed.
     *
     * @param failing an Alloy formula true in the state the trace must end in
     */
    static Trace extract(LoadedModel model, A4Solution solution, String failing, String property, Outcome outcome) {
        return new TraceExtractor(model, solution).trace(failing, List.of(), property, outcome);
    }

    /**
     * A run that reaches a state where one of several properties fails, named after the first of
     * them that fails there (so a replay judges the property the run really breaks).
     */
    static Trace extract(LoadedModel model, A4Solution solution, String failing, List<Annotations.Annotated> candidates,
                         String fallback, Outcome outcome) {
        return new TraceExtractor(model, solution).trace(failing, candidates, fallback, outcome);
    }

    /** The configuration of a solution, without its states. */
    static Configuration configuration(LoadedModel model, A4Solution solution) {
        return new TraceExtractor(model, solution).configuration();
    }

    private Trace trace(String failing, List<Annotations.Annotated> candidates, String fallback, Outcome outcome) {
        int end = -1;
        for (int i = 0; i < solution.getTraceLength(); i++) {
            if (Boolean.TRUE.equals(eval(failing, i))) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalStateException("the solver's trace never reaches '" + failing + "'");
        }
        List<State> states = new ArrayList<>();
        for (int i = 0; i <= end; i++) {
            State s = state(i);
            if (i != end && "stutter".equals(s.event())) {
                continue;
            }
            states.add(s.withIndex(states.size()));
        }
        int last = end;
        String property = candidates.stream().filter(c -> Boolean.TRUE.equals(eval("not (" + c.predicate() + ")", last)))
                .map(Annotations.Annotated::name).findFirst().orElse(fallback);
        Bounds b = model.bounds();
        return new Trace(Trace.SCHEMA_VERSION, model.source().name(), property, outcome.cliName(), b,
                configuration(), states, states.size() - 1);
    }

    private Configuration configuration() {
        Map<String, String> options = new LinkedHashMap<>();
        model.vocabulary().optionFields().forEach((option, field) ->
                options.put(option, Names.value(Names.bare(single("Config." + field, 0)))));
        Map<String, String> profiles = pairs("Kernel <: profile");
        Map<String, String> entries = pairs("Kernel <: entry");
        Map<String, String> images = pairs("image_at");
        Map<String, String> initrds = pairs("initrd_at");
        Map<String, String> dtbs = pairs("dtb_at");
        Map<String, List<String>> caps = new HashMap<>();
        tuples("Profile <: caps", 0).forEach(t ->
                caps.computeIfAbsent(t.get(0), x -> new ArrayList<>()).add(Names.value(Names.bare(t.get(1)))));
        List<Configuration.KernelInstance> chain = new ArrayList<>();
        kernels.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(TraceExtractor::number)))
                .forEach(e -> {
                    String atom = e.getKey();
                    String profile = profiles.get(atom);
                    chain.add(new Configuration.KernelInstance(e.getValue(), Names.profile(Names.bare(profile)),
                            caps.getOrDefault(profile, List.of()), ENTRIES.get(Names.bare(entries.get(atom))),
                            frame(images.get(atom)), frame(initrds.get(atom)), frame(dtbs.get(atom))));
                });
        Map<String, String> region = new LinkedHashMap<>();
        String prop = single("Board.region_prop", 0);
        if (prop != null) {
            region.put("property", frame(prop));
            Map<String, String> pend = pairs("Board.region_pend");
            cpus.forEach((atom, cpu) -> region.put(cpu, frame(pend.get(atom))));
        }
        List<String> crash = tuples("Board.crash_region", 0).stream().map(t -> frame(t.get(0))).sorted(FRAMES).toList();
        List<String> frames = tuples("Frame", 0).stream().map(t -> frame(t.get(0))).sorted(FRAMES).toList();
        return new Configuration(options, chain, List.copyOf(cpus.values()), frames,
                new Configuration.Board(region, crash));
    }

    private State state(int i) {
        String event = single("Step.event", i);
        Set<String> on = new java.util.HashSet<>();
        tuples("Gic.lpis_on", i).forEach(t -> on.add(t.get(0)));
        Map<String, String> prop = pairs("Gic.propbaser", i);
        Map<String, String> pend = pairs("Gic.pendbaser", i);
        List<State.Redistributor> rds = new ArrayList<>();
        cpus.forEach((atom, cpu) -> rds.add(
                new State.Redistributor(cpu, on.contains(atom), frame(prop.get(atom)), frame(pend.get(atom)))));
        Map<String, String> memory = new TreeMap<>(FRAMES);
        pairs("Memory.use", i).forEach((f, u) -> memory.put(frame(f), use(u)));
        List<String> memreserve = tuples("Memory.memreserve", i).stream().map(t -> frame(t.get(0))).sorted(FRAMES).toList();
        List<State.PendingWrite> pendingWrites = new ArrayList<>();
        pairs("Step.pending_write", i).forEach((c, f) -> pendingWrites.add(
                new State.PendingWrite(cpus.get(c), frame(f), memory.get(frame(f)))));
        List<State.TableWrite> tableWrites = new ArrayList<>();
        pairs("Step.table_write", i).forEach((f, u) -> tableWrites.add(new State.TableWrite(frame(f), use(u))));
        tableWrites.sort(Comparator.comparing(State.TableWrite::frame, FRAMES));
        String propTable = frame(single("Step.prop_table", i));
        Map<String, String> allocated = new LinkedHashMap<>();
        Map<String, String> allocatedRaw = pairs("Step.allocated_pend", i);
        Map<String, String> modes = new LinkedHashMap<>();
        Map<String, String> modesRaw = pairs("Step.cpu_mode", i);
        cpus.forEach((atom, cpu) -> {
            if (allocatedRaw.containsKey(atom)) allocated.put(cpu, frame(allocatedRaw.get(atom)));
            if (modesRaw.containsKey(atom)) modes.put(cpu, Names.kebab(Names.bare(modesRaw.get(atom))));
        });
        List<State.LogLine> log = new ArrayList<>();
        for (List<String> t : tuples("Step.printed", i)) {
            String message = Names.bare(t.get(0));
            // "Expected reserved range" names the range it checked: the boot CPU's PROPBASER before the step
            String named = message.equals("ExpectedReservedNotFound") && i > 0
                    ? frame(pairs("Gic.propbaser", i - 1).get(single("bootCpu", 0))) : propTable;
            log.add(new State.LogLine(null, message, KernelLog.text(message, null, named),
                    warnings.contains(message)));
        }
        boolean late = reservesOnline(i);
        Map<String, List<String>> cpuMessages = new HashMap<>();
        tuples("Step.cpu_printed", i).forEach(t ->
                cpuMessages.computeIfAbsent(t.get(0), x -> new ArrayList<>()).add(Names.bare(t.get(1))));
        cpus.forEach((atom, cpu) -> cpuMessages.getOrDefault(atom, List.of()).stream()
                .sorted(Comparator.comparingInt(m -> logOrder(m, late)))
                .forEach(m -> log.add(new State.LogLine(cpu, m, KernelLog.text(m, cpu, cpuTable(m, atom, pend, allocatedRaw)),
                        warnings.contains(m)))));
        return new State(i, event == null ? null : Names.kebab(Names.bare(event)), kernels.get(single("Machine.running", i)),
                Names.bare(single("Machine.phase", i)).toLowerCase(java.util.Locale.ROOT), rds,
                "ItsEnabled".equals(Names.bare(single("Gic.its", i))) ? "enabled" : "disabled",
                cpus.entrySet().stream().filter(e -> tuples("Gic.collections", i).stream()
                        .anyMatch(t -> t.get(0).equals(e.getKey()))).map(Map.Entry::getValue).toList(),
                memory, memreserve, pendingWrites, tableWrites, log, modes, propTable, allocated);
    }

    /** The pending table a per-CPU line names: the one kept, or the one allocated. */
    private String cpuTable(String message, String cpuAtom, Map<String, String> pendNow, Map<String, String> allocated) {
        boolean allocatedOne = List.of("UsingAllocatedPending", "UsingPending", "PendReserveFailed", "BadPageState")
                .contains(message);
        return frame(allocatedOne ? allocated.get(cpuAtom) : pendNow.get(cpuAtom));
    }

    /**
     * Linux prints a CPU's lines in the order its code runs: a v4.20-v5.16 kernel reserves a pending
     * table in its_cpu_init_lpis(), before it says which table it uses; from v5.17 the reservation is a
     * CPU-online callback, so its warning comes last ({@code late}).
     */
    private static int logOrder(String message, boolean late) {
        List<String> order = List.of("PropbaserMismatch", "PendingNotReserved", "BadPageState", "UsingReservedPending",
                "BootedWithLpisEnabled", "FailedToDisable", "UsingPending", "PendReserveFailed", "UsingAllocatedPending");
        int i = message.equals("PendReserveFailed") && late ? order.size() : order.indexOf(message);
        return i < 0 ? order.size() + 1 : i;
    }

    /** Whether the running kernel of state {@code i} reserves pending tables in a CPU-online callback (v5.17+). */
    private boolean reservesOnline(int i) {
        return lateReservers.contains(single("Machine.running", i));
    }

    private void nameKernels() {
        String k = single("firstKernel", 0);
        Map<String, String> next = pairs("nextKernel");
        for (int n = 1; k != null; n++, k = next.get(k)) {
            kernels.put(k, "K" + n);
        }
    }

    private void nameCpus() {
        String boot = single("bootCpu", 0);
        Map<String, String> following = new HashMap<>();
        pairs("prevCpu").forEach((c, prev) -> following.put(prev, c));
        int n = 0;
        for (String c = boot; c != null; c = following.get(c)) {
            cpus.put(c, "CPU" + n++);
        }
    }

    private String use(String atom) {
        String bare = Names.bare(atom);
        if (bare.equals("PendTable")) {
            return pendingUses.get(atom);
        }
        return USES.getOrDefault(bare, Names.kebab(bare));
    }

    private static String frame(String atom) {
        return atom == null ? null : "F" + Names.atomNumber(atom);
    }

    private static final Comparator<String> FRAMES = Comparator.comparingInt(f -> Integer.parseInt(f.substring(1)));

    private static int number(String name) {
        return Integer.parseInt(name.substring(1));
    }

    private Object eval(String expression, int state) {
        return model.eval(solution, expression, state);
    }

    private List<List<String>> tuples(String expression, int state) {
        Object value = eval(expression, state);
        if (!(value instanceof A4TupleSet set)) {
            throw new IllegalStateException("'" + expression + "' is not a relation in the model");
        }
        List<List<String>> out = new ArrayList<>();
        for (A4Tuple t : set) {
            List<String> atoms = new ArrayList<>();
            for (int i = 0; i < t.arity(); i++) {
                atoms.add(t.atom(i));
            }
            out.add(atoms);
        }
        return out;
    }

    private String single(String expression, int state) {
        List<List<String>> t = tuples(expression, state);
        return t.isEmpty() ? null : t.get(0).get(0);
    }

    private Map<String, String> pairs(String expression) {
        return pairs(expression, 0);
    }

    private Map<String, String> pairs(String expression, int state) {
        Map<String, String> out = new HashMap<>();
        tuples(expression, state).forEach(t -> out.put(t.get(0), t.get(t.size() - 1)));
        return out;
    }
}
