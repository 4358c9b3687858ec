package kexeccheck.simulator.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import kexeccheck.simulator.KernelSpec;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.MachineConfig;
import kexeccheck.simulator.World;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;

/**
 * Replays an abstract trace on the simulator. The trace supplies the
 * configuration and the choices a real run leaves to chance: where each
 * segment was placed and which free block the page allocator handed out for
 * each table, which CPU an MSI targets. Everything else — whether tables are
 * adopted, what each register ends up holding, which writes land where, the
 * log — the simulator decides itself; then each state is compared with the
 * trace's and the property judged on the simulator's own state.
 */
public final class TraceReplayer {

    /**
     * The name of a trace that witnesses no failure but a run to the end (the cross-check's evidence
     * for a safe configuration): its last state is the one where the chain's last kernel is up.
     */
    public static final String RUNS = "runs";

    private TraceReplayer() {}

    /** Replays {@code trace}. */
    public static ReplayResult replay(Trace trace) {
        Configuration config = trace.configuration();
        FrameMap frames = new FrameMap(config);
        Map<String, String> opt = config.options();
        MachineConfig mc = World.machineConfig(opt, config.cpus().size(), frames.lpiRegion(), frames.crashRegion());
        Map<String, Map<String, Long>> wanted = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        Machine[] built = new Machine[1];
        Predicate<AddressRange> listNodes = r -> built[0] != null && onAListNode(built[0], r);
        Machine machine = new Machine(mc, kernel -> placement(wanted.computeIfAbsent(kernel, k -> new LinkedHashMap<>()),
                frames, refusals, listNodes), frames::named);
        built[0] = machine;
        List<ReplayStep> steps = new ArrayList<>();
        int simulatorStep = -1;
        int firstDifference = -1;
        for (State state : trace.states()) {
            Configuration.KernelInstance k = config.kernel(state.kernel());
            int at = config.chain().indexOf(k);
            boolean crashNext = at + 1 < config.chain().size() && config.chain().get(at + 1).entry().equals("crash-kexec");
            KernelSpec spec = World.kernelSpec(k.name(), k.profile(), Set.copyOf(k.capabilities()), crashNext);
            String event = state.event() == null ? "power-on" : state.event();
            refusals.clear();
            StepRecord record = switch (event) {
                case "power-on" -> machine.powerOn(spec, segments(k, frames));
                case "boot-gic" -> {
                    Map<String, Long> w = wanted.computeIfAbsent(k.name(), x -> new LinkedHashMap<>());
                    if (state.propertyTable() != null) w.put("property-table", frames.pa(state.propertyTable()));
                    state.allocatedPending().forEach((cpu, f) -> w.put("pending-table:" + cpu, frames.pa(f)));
                    yield machine.bootGic();
                }
                case "kexec" -> machine.kexec(spec, segments(k, frames), false);
                case "crash-kexec" -> machine.kexec(spec, segments(k, frames), true);
                case "msi-arrives" -> machine.msi(state.pendingWrites().isEmpty() ? 0
                        : Integer.parseInt(state.pendingWrites().get(0).cpu().substring(3)));
                case "stutter" -> machine.stutter();
                default -> throw new kexeccheck.trace.InvalidTraceException("state " + state.index() + " has the unknown event " + event);
            };
            record.notes.addAll(refusals);
            List<String> violations = RUNS.equals(trace.property()) ? lastKernelUp(machine, config)
                    : SimProperties.violations(trace.property(), machine, record);
            List<String> differences = SimState.of(machine, record, frames).differences(SimState.of(state));
            if (simulatorStep < 0 && !violations.isEmpty()) simulatorStep = state.index();
            if (firstDifference < 0 && !differences.isEmpty()) firstDifference = state.index();
            steps.add(new ReplayStep(state.index(), headline(event, k), record, violations, differences));
            if (state.index() == trace.violationState()) break;
        }
        return new ReplayResult(trace.property(), trace.violationState(), simulatorStep, firstDifference,
                frames.all(), steps);
    }

    /** The "violation" of a run-to-the-end trace: the chain's last kernel is up. */
    private static List<String> lastKernelUp(Machine m, Configuration config) {
        String last = config.chain().get(config.chain().size() - 1).name();
        return m.running() != null && m.running().name().equals(last) && m.running().isUp()
                ? List.of(last + " is up") : List.of();
    }

    /**
     * The trace's placement of a kernel's segments, which the loader uses as given, noting a frame that the
     * rule of the syscall really loading the kernel would not have chosen: kexec-tools' over /proc/iomem
     * with kexec_load, the outgoing kernel's over its memblock with kexec_file_load.
     */
    private static Segments segments(Configuration.KernelInstance k, FrameMap frames) {
        return new Segments(k.image() == null ? null : frames.pa(k.image()),
                k.initrd() == null ? null : frames.pa(k.initrd()),
                k.dtb() == null ? null : frames.pa(k.dtb()));
    }

    /**
     * Whether a range touches a node of the memreserve list. A node is just a page of the kernel that
     * allocated it: a later kernel that does not read the list may hand it out, and a trace's
     * memreserve field says whether that happened. The model's runs keep the list (docs/fidelity.md),
     * so the replay's own choices for what the trace does not place keep off the nodes.
     */
    private static boolean onAListNode(Machine m, AddressRange r) {
        return m.memreserveList().flatMap(list -> list.nodeOverlapping(r)).isPresent();
    }

    private static Placement placement(Map<String, Long> wanted, FrameMap frames, List<String> refusals,
                                       Predicate<AddressRange> alsoAvoid) {
        return new Placement() {
            private final Set<String> used = new HashSet<>();

            @Override
            public OptionalLong preferred(String purpose, long size) {
                Long at = wanted.get(purpose);
                return at == null || !used.add(purpose) ? OptionalLong.empty() : OptionalLong.of(at);
            }

            @Override
            public boolean avoid(AddressRange range) {
                return frames.named(range) || alsoAvoid.test(range);
            }

            @Override
            public void refused(String purpose, long pa, Use actually) {
                refusals.add(String.format("the trace allocates the %s at %s, but the simulator's %s is not free there (%s)",
                        purpose, frames.frameAt(pa), purpose, actually));
            }
        };
    }

    private static String headline(String event, Configuration.KernelInstance k) {
        String who = k.name() + " (" + k.profile() + ")";
        return switch (event) {
            case "power-on" -> "power-on: firmware starts " + who;
            case "boot-gic" -> who + " runs init_IRQ: GICv3 + ITS drivers";
            case "kexec" -> "kexec into " + who;
            case "crash-kexec" -> "panic; crash kexec into " + who;
            case "msi-arrives" -> "a device MSI arrives while " + who + " runs";
            case "stutter" -> "nothing happens";
            default -> event;
        };
    }
}
