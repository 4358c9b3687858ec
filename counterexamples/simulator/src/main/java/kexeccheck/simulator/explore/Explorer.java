package kexeccheck.simulator.explore;

import java.util.ArrayList;
import java.util.HashMap;
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
import kexeccheck.simulator.loader.KexecLoader;
import kexeccheck.simulator.loader.Segments;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.replay.SimProperties;
import kexeccheck.trace.Outcome;

/**
 * Explores, with the simulator alone, every run of one configuration that
 * matters and returns the configuration's outcome class: the worst outcome
 * of its runs (corruption, lost-lpis, recoverable, safe), not-applicable on
 * GICv2, cannot-run when the chain is impossible or no run gets its last
 * kernel through its GIC boot. Nothing here uses Alloy or the checker's code.
 * Chains have two kernels or more ({@link ExploredConfiguration}); the
 * cross-check uses two and three.
 *
 * <h2>The runs</h2>
 *
 * Every run is the same sequence of events on a fresh {@link Machine}:
 * <ol>
 * <li>power-on: the firmware starts K1 (and with {@code dt-preprogrammed}
 *     U-Boot programs the LPI region first; it writes GICR_PROPBASER through
 *     redistributor 0 only, which reaches the others with
 *     {@code propbaser-sharing=shared} alone);</li>
 * <li>boot-gic K1;</li>
 * <li>an MSI for each CPU while K1 is up;</li>
 * <li>then for each later kernel Kn of the chain:
 *   <ol>
 *   <li>kexec into Kn (crash kexec into the last kernel with
 *       {@code kexec=crash}; every other kexec is a normal one);</li>
 *   <li>with {@code devices=active} only: an MSI for each CPU before Kn's
 *       boot-gic (devices keep issuing MSIs across the kexec; quiescent
 *       devices issue none between the kexec and Kn's GIC set-up);</li>
 *   <li>boot-gic Kn;</li>
 *   <li>an MSI for each CPU while Kn is up.</li>
 *   </ol></li>
 * </ol>
 * A kernel that dies in its boot-gic ends the run there (the model's kexec
 * needs a kernel that is up); the run counts, as fail-stop.
 * Why every MSI is always sent, instead of every subset of them: an MSI
 * changes nothing but one pending bit in RAM, and nothing a kernel decides
 * reads a pending bit (adoption reads registers and memblock, never table
 * contents), so leaving an MSI out can only remove incidents, never add one.
 * The run with all of them is therefore the worst of its MSI schedules, and
 * the witness is cut at the step where its worst outcome first shows.
 *
 * <h2>The choices</h2>
 *
 * What a real run leaves to chance, and what this explorer enumerates. The
 * LPI region is the board's; the other two choices are made at each kexec
 * (its <em>stage</em>), by the loader and by the incoming kernel, and are
 * described here for K1 → K2 (for a later kexec read the outgoing and the
 * incoming kernel for K1 and K2):
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
 *     A placement the loader would refuse is not a run: with kexec_load,
 *     kexec-tools' refusals (not System RAM, a nested reserved entry it
 *     honours, outside the crash region); with {@code syscall=kexec-file-load}
 *     and a K1 that has kexec_file_load, K1's (memblock-reserved at its boot
 *     or, with {@code memreserve-in-memblock}, since; not memblock memory;
 *     outside the crash region). The lowest holes of (a) are that loader's
 *     own, the DTB top-down with kexec_file_load.</li>
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
 * <p>That argument is about one kexec and the kernel it enters; it does not
 * carry across kexecs. So in a longer chain every choice of a kexec is
 * combined with every choice of each earlier one: a run that makes a choice
 * at one kexec is the base run from which the next kexec's interesting frames
 * (and its incoming kernel's allocations and free frames) are read, because
 * an earlier choice changes which tables are live at a later kexec and where
 * they are. With two kernels this is exactly the set of runs above.
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
 * reservations-bounded fails; else {@code safe}. Runs that do not get the
 * last kernel through its boot-gic (the simulator threw: no hole) and end
 * with no kernel dead do not count; if none does, the configuration cannot
 * run.
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

    /**
     * What a run chooses at one kexec (see the class comment): one of the incoming kernel's
     * segments, or one of its allocations, on an interesting frame; or neither ({@link #LOWEST}).
     */
    record Deviation(String segment, String purpose, String frame, long at) {

        /** The loader's own placement and the lowest free blocks. */
        static final Deviation LOWEST = new Deviation(null, null, null, -1);

        static Deviation segment(String which, String frame, long at) {
            return new Deviation(which, null, frame, at);
        }

        static Deviation allocation(String what, String frame, long at) {
            return new Deviation(null, what, frame, at);
        }

        /** Whether the loader's own choices must stay off {@code r}: the chosen segment is there. */
        boolean keepsOff(AddressRange r) {
            return segment != null && new AddressRange(at, Segments.SIZE).overlaps(r);
        }

        String describe(String kernel) {
            return kernel + " segments: " + (segment == null ? "lowest holes"
                    : String.format("%s on %s (0x%x), the rest in the lowest holes", segment, frame, at))
                    + "; " + kernel + " allocator: " + (purpose == null ? "lowest free blocks"
                    : String.format("%s on %s (0x%x), the rest lowest", purpose, frame, at));
        }
    }

    /**
     * The choices of one run: whether the board has an LPI region, and one deviation per kexec
     * (index 0: the kexec into K2).
     */
    record Choice(boolean region, List<Deviation> stages) {
        Choice {
            stages = List.copyOf(stages);
        }

        static Choice lowest(boolean region, int kexecs) {
            return new Choice(region, java.util.Collections.nCopies(kexecs, Deviation.LOWEST));
        }

        /** The same choices but {@code d} at kexec {@code stage}. */
        Choice with(int stage, Deviation d) {
            List<Deviation> s = new ArrayList<>(stages);
            s.set(stage, d);
            return new Choice(region, s);
        }

        Deviation at(int stage) {
            return stages.get(stage);
        }

        String describe() {
            StringBuilder s = new StringBuilder(region ? "LPI region present" : "no LPI region");
            for (int i = 0; i < stages.size(); i++) s.append("; ").append(stages.get(i).describe(kernelName(i + 1)));
            return s.toString();
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
        List<Boolean> regions = c.firmware().endsWith("-preprogrammed") || boards == Boards.WITH_LPI_REGION
                ? List.of(true) : List.of(false, true);
        Search search = new Search(c);
        for (boolean region : regions) {
            Choice lowest = Choice.lowest(region, c.kernels() - 1);
            search.branch(lowest, 0, search.count(run(c, lowest)));
            if (search.corrupted()) break;
        }
        if (search.worst == null) {
            return new Result(c, Outcome.CANNOT_RUN, null, 0, "no run gets " + kernelName(c.kernels() - 1)
                    + " through its GIC boot" + (search.failure == null ? "" : ": " + search.failure));
        }
        return new Result(c, search.worst.worst, search.worst.witness(), search.runs, null);
    }

    /**
     * Every configuration of the cartesian product: each K1 of {@code firsts},
     * each K2 of {@code seconds}, each combination of the option values (an
     * option missing from {@code values} takes all its values), 2 CPUs.
     */
    public static Stream<ExploredConfiguration> configurations(List<Profile> firsts, List<Profile> seconds,
                                                               Map<String, List<String>> values) {
        return configurations(firsts, seconds, 2, values);
    }

    /**
     * Every configuration of the cartesian product: each K1 of {@code firsts},
     * each later kernel of {@code population} ({@code kernels} kernels in all),
     * each combination of the option values (an option missing from
     * {@code values} takes all its values), 2 CPUs. Chains vary slowest, the
     * last option fastest.
     */
    public static Stream<ExploredConfiguration> configurations(List<Profile> firsts, List<Profile> population,
                                                               int kernels, Map<String, List<String>> values) {
        if (kernels < 2) throw new IllegalArgumentException("a chain has at least two kernels, not " + kernels);
        List<List<Profile>> chains = firsts.stream().map(List::of).toList();
        for (int i = 1; i < kernels; i++) {
            chains = chains.stream().flatMap(chain -> population.stream().map(p -> {
                List<Profile> longer = new ArrayList<>(chain);
                longer.add(p);
                return List.copyOf(longer);
            })).toList();
        }
        List<Map<String, String>> options = combinations(values);
        return chains.stream().flatMap(chain -> options.stream().map(o -> ExploredConfiguration.of(chain, o)));
    }

    /** Every combination of the option values, in the options' order (the last varies fastest). */
    private static List<Map<String, String>> combinations(Map<String, List<String>> values) {
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
        return combos;
    }

    /** {@link #explore} over {@link #configurations}, lazily, in the same order. */
    public static Stream<Result> exploreAll(List<Profile> firsts, List<Profile> seconds,
                                            Map<String, List<String>> values) {
        return exploreAll(firsts, seconds, values, Boards.WITH_OR_WITHOUT_LPI_REGION);
    }

    /** {@link #explore} over {@link #configurations} on the given boards, lazily, in the same order. */
    public static Stream<Result> exploreAll(List<Profile> firsts, List<Profile> seconds,
                                            Map<String, List<String>> values, Boards boards) {
        return exploreAll(firsts, seconds, 2, values, boards);
    }

    /**
     * {@link #explore} over the chains of {@code kernels} kernels of
     * {@link #configurations(List, List, int, Map)} on the given boards, lazily, in the same order.
     */
    public static Stream<Result> exploreAll(List<Profile> firsts, List<Profile> population, int kernels,
                                            Map<String, List<String>> values, Boards boards) {
        return configurations(firsts, population, kernels, values).map(c -> explore(c, boards));
    }

    /** {@code K1}, {@code K2}, … for the kernel at {@code index} (from 0) of a chain: the names traces use. */
    private static String kernelName(int index) {
        return "K" + (index + 1);
    }

    /** The runs of one configuration so far: the worst that counts, how many count, the first simulator failure. */
    private static final class Search {
        final ExploredConfiguration c;
        Run worst;
        int runs;
        String failure;

        Search(ExploredConfiguration c) {
            this.c = c;
        }

        /** Counts a run (null: a placement the loader would refuse, which is no run) and gives it back. */
        Run count(Run r) {
            if (r == null) return null;
            if (!r.reachedEnd) {
                if (failure == null) failure = r.error;
                return r;
            }
            runs++;
            if (worst == null || r.worst.worseThan(worst.worst)) worst = r;
            return r;
        }

        /** Corruption is the worst class: once a run shows it, no other run can change the class. */
        boolean corrupted() {
            return worst != null && worst.worst == Outcome.CORRUPTION;
        }

        /**
         * Runs every choice of the kexecs from {@code stage} on that keeps {@code choice}'s choices of the
         * kexecs before it: first the runs that choose nothing at this kexec (whose base is {@code base}
         * again), then each deviation {@code base}'s probe of this kexec offers, each with the later kexecs'
         * deviations that its own run offers.
         *
         * @param choice the choices so far, lowest from {@code stage} on
         * @param base the run of {@code choice} (counted already), or null when the loader refused it
         */
        void branch(Choice choice, int stage, Run base) {
            if (base == null || stage == choice.stages().size()) return;
            branch(choice, stage + 1, base);
            for (Deviation d : deviations(base.probes.get(stage), stage)) {
                if (corrupted()) return;
                Choice next = choice.with(stage, d);
                branch(next, stage + 1, count(run(c, next)));
            }
        }

        /** What can be chosen at kexec {@code stage}, from what the base run saw there (nothing if it never got there). */
        private List<Deviation> deviations(Probe probe, int stage) {
            List<Deviation> ds = new ArrayList<>();
            for (Map.Entry<String, Long> t : probe.frames.entrySet()) {
                // kexec -p loads the next kernel's segments inside the crashkernel= region only
                if (c.crashInto(stage + 1) && !World.crashRegion().contains(new AddressRange(t.getValue(), Segments.SIZE))) {
                    continue;
                }
                for (String seg : List.of("image", "initrd", "dtb")) ds.add(Deviation.segment(seg, t.getKey(), t.getValue()));
            }
            for (String purpose : probe.purposes) {
                for (Map.Entry<String, Long> t : probe.frames.entrySet()) {
                    if (probe.freeForNext.contains(t.getValue())) {
                        ds.add(Deviation.allocation(purpose, t.getKey(), t.getValue()));
                    }
                }
            }
            return ds;
        }
    }

    /** What a run learns at one kexec: interesting frames, what the incoming kernel allocates, what it sees free. */
    private static final class Probe {
        final Map<String, Long> frames = new LinkedHashMap<>();
        final Set<String> purposes = new LinkedHashSet<>();
        final Set<Long> freeForNext = new LinkedHashSet<>();
    }

    /** One run's events and judgement, and what it learnt at each kexec. */
    private static final class Run {
        final Choice choice;
        final List<Probe> probes = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        Outcome worst = Outcome.SAFE;
        int worstStep = -1;
        List<String> reasons = List.of();
        /** The last kernel got through its boot-gic, or a kernel died: the run counts. */
        boolean reachedEnd;
        String error;

        Run(Choice choice) {
            this.choice = choice;
            choice.stages().forEach(s -> probes.add(new Probe()));
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

    /** One run; null when the loader would refuse a chosen placement. */
    private static Run run(ExploredConfiguration c, Choice choice) {
        AddressRange lpi = choice.region() ? World.lpiRegion(c.cpus()) : null;
        AddressRange crash = c.crash() ? World.crashRegion() : null;
        MachineConfig mc = World.machineConfig(c.options(), c.cpus(), lpi, crash);
        Run run = new Run(choice);
        Map<String, Placement> allocators = new HashMap<>();
        for (int s = 0; s < choice.stages().size(); s++) {
            allocators.put(kernelName(s + 1), allocator(choice.at(s), run.probes.get(s)));
        }
        // the kexec under way: the loader keeps its own choices off that kexec's chosen segment only
        int[] kexec = {-1};
        Machine m = new Machine(mc, name -> allocators.getOrDefault(name, Placement.LOWEST),
                r -> kexec[0] >= 0 && choice.at(kexec[0]).keepsOff(r));
        try {
            for (int k = 0; k < c.kernels(); k++) {
                Profile p = c.chain().get(k);
                String name = kernelName(k);
                KernelSpec spec = World.kernelSpec(name, p.name(), p.capabilities(), c.crashInto(k + 1));
                if (k == 0) {
                    run.judge("power-on: firmware starts K1 (" + p.name() + ")", m, m.powerOn(spec, Segments.ANYWHERE));
                } else {
                    Probe probe = run.probes.get(k - 1);
                    interestingFrames(m, lpi, probe);
                    kexec[0] = k - 1;
                    StepRecord entered = m.kexec(spec, segments(choice.at(k - 1)), c.crashInto(k));
                    if (entered.notes.stream().anyMatch(KexecLoader::refuses)) return null;
                    run.judge((c.crashInto(k) ? "panic; crash kexec" : "kexec") + " into " + name + " (" + p.name() + ")"
                            + placed(entered), m, entered);
                    Kernel incoming = m.running();
                    probe.frames.values().forEach(pa -> {
                        if (incoming.allocator().isFree(new AddressRange(pa, World.FRAME))) probe.freeForNext.add(pa);
                    });
                    if ("active".equals(c.devices())) {
                        for (int cpu = 0; cpu < c.cpus(); cpu++) {
                            run.judge(msi(m, cpu, "before " + name + "'s boot-gic"), m, m.msi(cpu));
                        }
                    }
                }
                run.judge("boot-gic " + name, m, m.bootGic());
                if (k == c.kernels() - 1) {
                    run.reachedEnd = true;
                } else if (m.running().isPanicked()) { // it died: the run ends here, fail-stop
                    run.reachedEnd = true;
                    return run;
                }
                for (int cpu = 0; cpu < c.cpus(); cpu++) run.judge(msi(m, cpu, "while " + name + " is up"), m, m.msi(cpu));
            }
        } catch (RuntimeException e) {
            run.error = e.getMessage();
        }
        return run;
    }

    /** The incoming kernel's page allocator: the chosen allocation where the choice puts it, every other one lowest. */
    private static Placement allocator(Deviation d, Probe probe) {
        return new Placement() {
            private boolean used;

            @Override
            public OptionalLong preferred(String purpose, long size) {
                probe.purposes.add(purpose);
                if (d.purpose() == null || used || !d.purpose().equals(purpose)) return OptionalLong.empty();
                used = true;
                return OptionalLong.of(d.at());
            }
        };
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

    private static Segments segments(Deviation d) {
        if (d.segment() == null) return Segments.ANYWHERE;
        return switch (d.segment()) {
            case "image" -> new Segments(d.at(), null, null);
            case "initrd" -> new Segments(null, d.at(), null);
            default -> new Segments(null, null, d.at());
        };
    }

    /** The outgoing kernel's tables, every table an enabled redistributor names, the LPI region's slots. */
    private static void interestingFrames(Machine m, AddressRange lpi, Probe probe) {
        Kernel outgoing = m.running();
        String k = outgoing.name();
        add(probe, k + "'s property table", outgoing.its().propertyTable());
        outgoing.its().pendingTables().forEach((cpu, pa) -> add(probe, k + "'s pending table CPU" + cpu, pa));
        for (Redistributor rd : m.gic().redistributors()) {
            if (!rd.enableLpis()) continue;
            add(probe, "CPU" + rd.cpu() + "'s live property table", rd.propertyTable());
            add(probe, "CPU" + rd.cpu() + "'s live pending table", rd.pendingTable());
        }
        if (lpi != null) {
            for (long at = lpi.base(), slot = 0; at < lpi.end(); at += World.FRAME, slot++) {
                add(probe, slot == 0 ? "the LPI region's property slot" : "the LPI region's pending slot " + (slot - 1), at);
            }
        }
    }

    private static void add(Probe probe, String name, long pa) {
        if (pa <= 0 || !World.RAM.contains(pa) || probe.frames.containsValue(pa)) return;
        probe.frames.put(name, pa);
    }
}
