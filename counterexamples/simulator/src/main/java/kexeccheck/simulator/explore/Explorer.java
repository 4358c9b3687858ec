package kexeccheck.simulator.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import kexeccheck.simulator.KernelSpec;
import kexeccheck.simulator.Machine;
import kexeccheck.simulator.MachineConfig;
import kexeccheck.simulator.World;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.explore.ExploredConfiguration.Profile;
import kexeccheck.simulator.gic.Redistributor;
import kexeccheck.simulator.kernel.Kernel;
import kexeccheck.simulator.kernel.LogLine;
import kexeccheck.simulator.kernel.Placement;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.replay.SimProperties;
import kexeccheck.trace.Outcome;

/**
 * Explores, with the simulator alone, every run of one configuration that
 * matters and returns the configuration's outcome class: the worst outcome
 * of its runs (corruption, lost-lpis, recoverable, safe), not-applicable on
 * GICv2, cannot-run when the chain is impossible or no run gets K2 through
 * its GIC boot. Nothing here uses Alloy or the checker's code.
 *
 * <h2>The runs</h2>
 *
 * Every run is the same sequence of events on a fresh {@link Machine}:
 * <ol>
 * <li>power-on: the firmware starts K1 (and with {@code dt-preprogrammed}
 *     U-Boot programs the LPI region first);</li>
 * <li>boot-gic K1;</li>
 * <li>an MSI for each CPU while K1 is up;</li>
 * <li>kexec (crash kexec with {@code kexec=crash}) into K2;</li>
 * <li>with {@code devices=active} only: an MSI for each CPU before K2's
 *     boot-gic (devices keep issuing MSIs across the kexec; quiescent
 *     devices issue none between the kexec and K2's GIC set-up);</li>
 * <li>boot-gic K2;</li>
 * <li>an MSI for each CPU while K2 is up.</li>
 * </ol>
 * Why every MSI is always sent, instead of every subset of them: an MSI
 * changes nothing but one pending bit in RAM, and nothing a kernel decides
 * reads a pending bit (adoption reads registers and memblock, never table
 * contents), so leaving an MSI out can only remove incidents, never add one.
 * The run with all of them is therefore the worst of its MSI schedules, and
 * the witness is cut at the step where its worst outcome first shows.
 *
 * <h2>The choices</h2>
 *
 * What a real run leaves to chance, and what this explorer enumerates:
 * <ul>
 * <li><b>The LPI region.</b> With {@code dt-preprogrammed} the board has it
 *     (U-Boot put the tables there). With {@code efi} and {@code dt} a board
 *     may or may not describe an LPI region in {@code /reserved-memory}
 *     (the checker's model leaves it to the solver), so both are explored.
 *     {@code reserved-memory} says how the region is marked when it exists.
 *     The crashkernel region exists iff {@code kexec=crash}.</li>
 * <li><b>The loader's placement of K2's segments</b> ({@link Segments}):
 *     (a) the lowest holes kexec-tools picks by itself; (b) for each
 *     interesting frame and each of the three segments, that segment placed
 *     on that frame and the others where the loader puts them. Interesting
 *     frames are K1's property and pending tables, every table an enabled
 *     redistributor names at the kexec, and every slot of the LPI region.
 *     A placement kexec-tools would refuse (not System RAM, a nested
 *     reserved entry it honours, outside the crash region) is not a run.</li>
 * <li><b>K2's page allocator</b> ({@link Placement}): (a) the lowest free
 *     block for everything; (b) for each allocation K2 makes (property
 *     table, each pending table, ITS tables, command queue, memreserve node)
 *     and each interesting frame that is free in K2's view, that allocation
 *     on that frame and every other one lowest.</li>
 * </ul>
 * K1's own choices are not enumerated: K1 starts on a GIC nobody used (or
 * that U-Boot set up in reserved memory), so every free frame is alike to it;
 * where its tables land only matters relative to what K2 does, and K2's
 * choices are enumerated relative to wherever they landed.
 *
 * <p>Why this set is sufficient: a collision is one frame that two parties
 * use at once — a live table (K1's, or U-Boot's in the region) against a
 * K2 segment, a K2 allocation, or K2's free memory. The only frames a GIC
 * ever writes or a kernel ever adopts are the interesting frames, so every
 * collision involves one of them; (b) of the loader puts each segment kind on
 * each of them, (b) of the allocator puts each allocation kind on each of them
 * that the allocator could hand out, and the runs with no deliberate
 * collision show what free memory under a live table does by itself. Runs
 * with two deliberate collisions are left out: each collision's incidents
 * (a pending bit, a table reset, a reused live table) depend only on that
 * frame's owner in K2's view, which the other collision does not change
 * (a segment makes its frame non-free, so no allocation can also land there).
 *
 * <h2>The outcome of a run</h2>
 *
 * Judged after every step on the simulator's own state with
 * {@link SimProperties}, worst first: {@code corruption} when no-stray-write
 * (a stray GIC or table write, a live table reused) or its-quiescent fails;
 * {@code lost-lpis} when lpis-delivered or one-property-table fails;
 * {@code fail-stop} when a kernel died (a fault in init_IRQ, e.g. the seed's
 * carve from no-map memory, or an early walk or allocation that cannot go on;
 * a run whose K1 dies ends there); {@code recoverable} when a kernel printed a
 * warning line (expected reserved range not found, booted with LPIs enabled,
 * failed to disable LPIs, pending table not reserved, PROPBASER mismatch, no
 * memreserve root, bad page state, ITS failed to quiesce) or
 * reservations-bounded fails; else {@code safe}. Runs that do not get K2
 * through its boot-gic (the simulator threw: no hole) do not count; if none
 * does, the configuration cannot run.
 */
public final class Explorer {

    /** The events of a run up to its worst step, the choices that made it, and why it is that bad. */
    public record Witness(List<String> events, String choices, List<String> reasons) {
        public Witness {
            events = List.copyOf(events);
            reasons = List.copyOf(reasons);
        }

        /** Several lines: choices, numbered events, reasons. */
        public String describe() {
            StringBuilder b = new StringBuilder("choices: " + choices + "\n");
            for (int i = 0; i < events.size(); i++) b.append("  ").append(i).append("  ").append(events.get(i)).append('\n');
            reasons.forEach(r -> b.append("  xx  ").append(r).append('\n'));
            return b.toString();
        }
    }

    /**
     * A configuration's class.
     *
     * @param configuration what was explored
     * @param outcome the worst outcome over its runs (or not-applicable / cannot-run)
     * @param witness a run with that outcome, or null for not-applicable and a chain that cannot run
     * @param runs how many runs were simulated to the end
     * @param note why the configuration is not-applicable or cannot run, else null
     */
    public record Result(ExploredConfiguration configuration, Outcome outcome, Witness witness, int runs, String note) {}

    /** The choices of one run (see the class comment). */
    record Choice(boolean region, String segment, String segmentFrame, long segmentAt,
                  String purpose, String allocFrame, long allocAt) {

        static Choice lowest(boolean region) {
            return new Choice(region, null, null, -1, null, null, -1);
        }

        Choice segment(String which, String frame, long at) {
            return new Choice(region, which, frame, at, null, null, -1);
        }

        Choice allocation(String what, String frame, long at) {
            return new Choice(region, null, null, -1, what, frame, at);
        }

        String describe() {
            String s = (region ? "LPI region present" : "no LPI region")
                    + "; K2 segments: " + (segment == null ? "lowest holes"
                    : String.format("%s on %s (0x%x), the rest in the lowest holes", segment, segmentFrame, segmentAt))
                    + "; K2 allocator: " + (purpose == null ? "lowest free blocks"
                    : String.format("%s on %s (0x%x), the rest lowest", purpose, allocFrame, allocAt));
            return s;
        }
    }

    private Explorer() {}

    /**
     * Which boards the world has: a proposal may take it as given that the board's device tree
     * describes an LPI region (the seed's {@code memory-region} proposal does), or not.
     */
    public enum Boards {
        /** Boards with and boards without an LPI region in {@code /reserved-memory}. */
        WITH_OR_WITHOUT_LPI_REGION,
        /** Only boards that describe an LPI region. */
        WITH_LPI_REGION
    }

    /** The class of one configuration, on boards with or without an LPI region. */
    public static Result explore(ExploredConfiguration c) {
        return explore(c, Boards.WITH_OR_WITHOUT_LPI_REGION);
    }

    /** The class of one configuration on the given boards. */
    public static Result explore(ExploredConfiguration c, Boards boards) {
        String impossible = c.whyNotRunnable();
        if (impossible != null) return new Result(c, Outcome.CANNOT_RUN, null, 0, impossible);
        if ("gicv2".equals(c.hardware())) {
            return new Result(c, Outcome.NOT_APPLICABLE, null, 0, "GICv2 has no LPIs: the hand-over does not apply");
        }
        Run worst = null;
        int runs = 0;
        List<Boolean> regions = c.firmware().endsWith("-preprogrammed") || boards == Boards.WITH_LPI_REGION
                ? List.of(true) : List.of(false, true);
        String failure = null;
        for (boolean region : regions) {
            Probe probe = new Probe();
            Run base = run(c, Choice.lowest(region), probe);
            List<Run> all = new ArrayList<>();
            all.add(base);
            for (Map.Entry<String, Long> t : probe.frames.entrySet()) {
                if (worstIs(worst, all)) break;
                if (c.crash() && !World.crashRegion().contains(new AddressRange(t.getValue(), Segments.SIZE))) continue;
                for (String seg : List.of("image", "initrd", "dtb")) {
                    all.add(run(c, Choice.lowest(region).segment(seg, t.getKey(), t.getValue()), null));
                }
            }
            for (String purpose : probe.purposes) {
                for (Map.Entry<String, Long> t : probe.frames.entrySet()) {
                    if (worstIs(worst, all)) break;
                    if (!probe.freeForK2.contains(t.getValue())) continue;
                    all.add(run(c, Choice.lowest(region).allocation(purpose, t.getKey(), t.getValue()), null));
                }
            }
            for (Run r : all) {
                if (r == null) continue; // a placement the loader would refuse
                if (!r.reachedK2Up) {
                    if (failure == null) failure = r.error;
                    continue;
                }
                runs++;
                if (worst == null || r.worst.worseThan(worst.worst)) worst = r;
            }
            if (worst != null && worst.worst == Outcome.CORRUPTION) break;
        }
        if (worst == null) {
            return new Result(c, Outcome.CANNOT_RUN, null, 0, "no run gets K2 through its GIC boot"
                    + (failure == null ? "" : ": " + failure));
        }
        return new Result(c, worst.worst, worst.witness(), runs, null);
    }

    private static boolean worstIs(Run worst, List<Run> runs) {
        if (worst != null && worst.worst == Outcome.CORRUPTION) return true;
        return runs.stream().anyMatch(r -> r != null && r.reachedK2Up && r.worst == Outcome.CORRUPTION);
    }

    /**
     * Every configuration of the cartesian product: each K1 of {@code firsts},
     * each K2 of {@code seconds}, each combination of the option values (an
     * option missing from {@code values} takes all its values), 2 CPUs.
     */
    public static Stream<ExploredConfiguration> configurations(List<Profile> firsts, List<Profile> seconds,
                                                               Map<String, List<String>> values) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> option : ExploredConfiguration.OPTION_VALUES.entrySet()) {
            List<String> vs = values.getOrDefault(option.getKey(), option.getValue());
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combos) {
                for (String v : vs) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(option.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Map<String, String>> options = combos;
        return firsts.stream().flatMap(k1 -> seconds.stream().flatMap(k2 -> options.stream()
                .map(o -> ExploredConfiguration.of(k1, k2, o))));
    }

    /** {@link #explore} over {@link #configurations}, lazily, in the same order. */
    public static Stream<Result> exploreAll(List<Profile> firsts, List<Profile> seconds,
                                            Map<String, List<String>> values) {
        return exploreAll(firsts, seconds, values, Boards.WITH_OR_WITHOUT_LPI_REGION);
    }

    /** {@link #explore} over {@link #configurations} on the given boards, lazily, in the same order. */
    public static Stream<Result> exploreAll(List<Profile> firsts, List<Profile> seconds,
                                            Map<String, List<String>> values, Boards boards) {
        return configurations(firsts, seconds, values).map(c -> explore(c, boards));
    }

    /** What the baseline run of a region choice learns: interesting frames, what K2 allocates, what K2 sees free. */
    private static final class Probe {
        final Map<String, Long> frames = new LinkedHashMap<>();
        final Set<String> purposes = new LinkedHashSet<>();
        final Set<Long> freeForK2 = new LinkedHashSet<>();
    }

    /** One run's events and judgement. */
    private static final class Run {
        final Choice choice;
        final List<String> events = new ArrayList<>();
        Outcome worst = Outcome.SAFE;
        int worstStep = -1;
        List<String> reasons = List.of();
        boolean reachedK2Up;
        String error;

        Run(Choice choice) {
            this.choice = choice;
        }

        void judge(String event, Machine m, StepRecord r) {
            events.add(event);
            List<String> corruption = new ArrayList<>(SimProperties.violations("no-stray-write", m, r));
            corruption.addAll(SimProperties.violations("its-quiescent", m, r));
            List<String> lost = new ArrayList<>(SimProperties.violations("lpis-delivered", m, r));
            lost.addAll(SimProperties.violations("one-property-table", m, r));
            List<String> died = SimProperties.violations("kernel-panics", m, r);
            List<String> warnings = new ArrayList<>(r.log.stream().filter(LogLine::warning)
                    .map(l -> "[" + r.kernel() + "] " + l.text()).toList());
            warnings.addAll(SimProperties.violations("reservations-bounded", m, r));
            Outcome o;
            List<String> why;
            if (!corruption.isEmpty()) {
                o = Outcome.CORRUPTION;
                why = corruption;
            } else if (!lost.isEmpty()) {
                o = Outcome.LOST_LPIS;
                why = lost;
            } else if (!died.isEmpty()) {
                o = Outcome.FAIL_STOP;
                why = died;
            } else if (!warnings.isEmpty()) {
                o = Outcome.RECOVERABLE;
                why = warnings;
            } else {
                return;
            }
            if (o.worseThan(worst)) {
                worst = o;
                worstStep = events.size() - 1;
                reasons = why;
            }
        }

        Witness witness() {
            int end = worstStep < 0 ? events.size() : worstStep + 1;
            return new Witness(events.subList(0, end), choice.describe(), reasons);
        }
    }

    /** One run; null when the loader would refuse the chosen placement. */
    private static Run run(ExploredConfiguration c, Choice choice, Probe probe) {
        AddressRange lpi = choice.region ? World.lpiRegion(c.cpus()) : null;
        AddressRange crash = c.crash() ? World.crashRegion() : null;
        MachineConfig mc = World.machineConfig(c.options(), c.cpus(), lpi, crash);
        Placement k2 = new Placement() {
            private boolean used;

            @Override
            public OptionalLong preferred(String purpose, long size) {
                if (probe != null) probe.purposes.add(purpose);
                if (choice.purpose == null || used || !choice.purpose.equals(purpose)) return OptionalLong.empty();
                used = true;
                return OptionalLong.of(choice.allocAt);
            }
        };
        AddressRange chosen = choice.segment == null ? null : new AddressRange(choice.segmentAt, Segments.SIZE);
        Machine m = new Machine(mc, name -> "K2".equals(name) ? k2 : Placement.LOWEST,
                r -> chosen != null && chosen.overlaps(r));
        KernelSpec k1 = World.kernelSpec("K1", c.first().name(), c.first().capabilities(), c.crash());
        KernelSpec k2Spec = World.kernelSpec("K2", c.second().name(), c.second().capabilities(), false);
        Segments where = segments(choice);
        Run run = new Run(choice);
        try {
            run.judge("power-on: firmware starts K1 (" + c.first().name() + ")", m, m.powerOn(k1, Segments.ANYWHERE));
            run.judge("boot-gic K1", m, m.bootGic());
            if (m.running().isPanicked()) { // K1 died: the run ends here, fail-stop
                run.reachedK2Up = true;
                return run;
            }
            for (int cpu = 0; cpu < c.cpus(); cpu++) run.judge(msi(m, cpu, "while K1 is up"), m, m.msi(cpu));
            if (probe != null) interestingFrames(m, lpi, probe);
            StepRecord kexec = m.kexec(k2Spec, where, c.crash());
            if (kexec.notes.stream().anyMatch(n -> n.startsWith("kexec-tools would not place"))) return null;
            run.judge((c.crash() ? "panic; crash kexec" : "kexec") + " into K2 (" + c.second().name() + ")"
                    + placed(kexec), m, kexec);
            if (probe != null) {
                Kernel k = m.running();
                probe.frames.values().forEach(pa -> {
                    if (k.allocator().isFree(new AddressRange(pa, World.FRAME))) probe.freeForK2.add(pa);
                });
            }
            if ("active".equals(c.devices())) {
                for (int cpu = 0; cpu < c.cpus(); cpu++) run.judge(msi(m, cpu, "before K2's boot-gic"), m, m.msi(cpu));
            }
            run.judge("boot-gic K2", m, m.bootGic());
            run.reachedK2Up = true;
            for (int cpu = 0; cpu < c.cpus(); cpu++) run.judge(msi(m, cpu, "while K2 is up"), m, m.msi(cpu));
        } catch (RuntimeException e) {
            run.error = e.getMessage();
        }
        return run;
    }

    private static String msi(Machine m, int cpu, String when) {
        Redistributor rd = m.gic().redistributor(cpu);
        return String.format("MSI for CPU%d %s (PENDBASER 0x%x, EnableLPIs %d)", cpu, when, rd.pendingTable(),
                rd.enableLpis() ? 1 : 0);
    }

    private static String placed(StepRecord kexec) {
        List<String> at = kexec.memoryWrites.stream().filter(w -> w.writer().startsWith("kexec"))
                .map(w -> String.format("0x%x", w.pa())).toList();
        return at.isEmpty() ? "" : ": image, initrd, DTB at " + String.join(", ", at);
    }

    private static Segments segments(Choice choice) {
        if (choice.segment == null) return Segments.ANYWHERE;
        return switch (choice.segment) {
            case "image" -> new Segments(choice.segmentAt, null, null);
            case "initrd" -> new Segments(null, choice.segmentAt, null);
            default -> new Segments(null, null, choice.segmentAt);
        };
    }

    /** K1's tables, every table an enabled redistributor names, the LPI region's slots. */
    private static void interestingFrames(Machine m, AddressRange lpi, Probe probe) {
        Kernel k1 = m.running();
        add(probe, "K1's property table", k1.its().propertyTable());
        k1.its().pendingTables().forEach((cpu, pa) -> add(probe, "K1's pending table CPU" + cpu, pa));
        for (Redistributor rd : m.gic().redistributors()) {
            if (!rd.enableLpis()) continue;
            add(probe, "CPU" + rd.cpu() + "'s live property table", rd.propertyTable());
            add(probe, "CPU" + rd.cpu() + "'s live pending table", rd.pendingTable());
        }
        if (lpi != null) {
            for (long at = lpi.base(), k = 0; at < lpi.end(); at += World.FRAME, k++) {
                add(probe, k == 0 ? "the LPI region's property slot" : "the LPI region's pending slot " + (k - 1), at);
            }
        }
    }

    private static void add(Probe probe, String name, long pa) {
        if (pa <= 0 || !World.RAM.contains(pa) || probe.frames.containsValue(pa)) return;
        probe.frames.put(name, pa);
    }
}
