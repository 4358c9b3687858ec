package kexeccheck.crosscheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.ConfigurationSpace;
import kexeccheck.checker.ModelDescription;
import kexeccheck.checker.Shard;
import kexeccheck.checker.Timing;
import kexeccheck.simulator.explore.ExploredConfiguration;
import kexeccheck.simulator.explore.Explorer;
import kexeccheck.simulator.replay.ReplayPrinter;
import kexeccheck.simulator.replay.ReplayResult;
import kexeccheck.simulator.replay.TraceReplayer;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceNarrator;

/**
 * The cross-check: every configuration of a scope classified twice, by the concrete table
 * simulator alone ({@link Explorer}: every run that matters, byte by byte) and by the checker
 * ({@link ConfigurationSpace}: every run within the bounds, on the Alloy model), and the two
 * classes compared. Then, state by state, the checker's run behind each class is replayed on the
 * simulator ({@link TraceReplayer}) with the same choices: a class can agree while the stories
 * behind it differ, and that is a divergence too. The two accounts share the profiles'
 * capability sets and the option values — the questions — and nothing that decides an answer.
 *
 * <p>The chains have {@link ConfigurationSpace.Scope#kernels} kernels (two unless the scope says
 * three or more): every kernel but the first entered by a normal kexec, the last by a crash kexec
 * with {@code kexec=crash}, in both accounts.
 */
public final class CrossCheck {

    private CrossCheck() {}

    /**
     * One configuration the two accounts classify differently.
     *
     * @param configuration the configuration as {@code check} options
     * @param chain its kernels' profiles, K1 first
     * @param options its value of each configuration option
     * @param simulator the simulator's class
     * @param checker the checker's class
     * @param simulatorRun the simulator's run behind its class (events, choices, reasons), if any
     * @param checkerRun the checker's run behind its class, step by step, if any
     */
    public record Disagreement(String configuration, List<String> chain, Map<String, String> options, String simulator,
            String checker, List<String> simulatorRun, List<String> checkerRun) {}

    /**
     * One configuration whose checker run the simulator does not reproduce state by state.
     *
     * @param configuration the configuration as {@code check} options
     * @param chain its kernels' profiles, K1 first
     * @param options its value of each configuration option
     * @param checkerClass the class the checker's run stands for
     * @param verdict the replay's verdict ({@code diverged} or {@code spurious})
     * @param replay the replay's report: each step in both accounts and every differing field
     */
    public record StateDivergence(String configuration, List<String> chain, Map<String, String> options,
            String checkerClass, String verdict, List<String> replay) {}

    /**
     * The comparison.
     *
     * @param model the model
     * @param scope what was compared (its {@code kernels}: how long every chain is)
     * @param shard which part of the scope: the chains whose first kernel is in this part of the population
     * @param bounds the checker's bounds
     * @param configurations how many configurations
     * @param agreements how many got the same class from both
     * @param classes for each (checker class, simulator class), how many configurations
     * @param disagreements the first disagreements, each with both explanations
     * @param replayed how many of the checker's runs were replayed on the simulator (one per configuration it ran)
     * @param stateAgreements how many of them the simulator reproduced state by state
     * @param stateDivergences the first replays that did not agree
     * @param simulatorMillis the simulator's wall time (it runs beside the checker)
     * @param checkerMillis the checker's wall time
     * @param timing the checker's solver time
     */
    public record Report(String model, ConfigurationSpace.Scope scope, Shard shard, Bounds bounds, int configurations,
            int agreements, Map<String, Map<String, Integer>> classes, List<Disagreement> disagreements,
            int replayed, int stateAgreements, List<StateDivergence> stateDivergences,
            long simulatorMillis, long checkerMillis, Timing timing) {

        /** Whether every configuration got the same class from both accounts and every replay agreed state by state. */
        public boolean agree() {
            return agreements == configurations && stateAgreements == replayed;
        }
    }

    /**
     * Runs both accounts over the scope and compares them.
     *
     * @param keep how many disagreements to keep with their explanations
     * @throws BadInputException for an unknown model, profile or option value
     */
    public static Report run(ConfigurationSpace.Scope scope, int keep) {
        return run(scope, keep, Shard.WHOLE);
    }

    /**
     * Runs both accounts over one shard of the scope: the chains whose first kernel is in the
     * shard's part of the population ({@link Shard#select}), so that the parts can run as separate
     * jobs and be merged.
     *
     * @throws BadInputException for an unknown model, profile or option value
     */
    public static Report run(ConfigurationSpace.Scope scope, int keep, Shard shard) {
        return run(scope, keep, shard, stage -> { });
    }

    /**
     * Runs both accounts as {@link #run(ConfigurationSpace.Scope, int, Shard)} does, telling
     * {@code progress} where it is (loading, how many configurations each account has settled), so
     * that a person waiting at a terminal sees it move.
     *
     * @throws BadInputException for an unknown model, profile or option value
     */
    public static Report run(ConfigurationSpace.Scope scope, int keep, Shard shard, Consumer<String> progress) {
        progress.accept("loading model " + scope.model());
        ModelDescription description = ModelDescription.of(scope.model());
        List<ExploredConfiguration.Profile> profiles = new ArrayList<>();
        for (String p : scope.population()) {
            List<String> caps = description.profiles().get(p);
            if (caps == null) {
                throw new BadInputException("unknown profile '" + p + "' in model " + description.model() + " (known: "
                        + String.join(", ", description.profiles().keySet()) + ")");
            }
            profiles.add(new ExploredConfiguration.Profile(p, java.util.Set.copyOf(caps)));
        }
        Map<String, List<String>> values = optionValues(scope, description);

        // the proposal decides which boards and options exist; both accounts cover exactly those
        ConfigurationSpace space = ConfigurationSpace.of(scope);
        ConfigurationSpace.World world = space.admitted(values);
        Explorer.Boards boards = world.boardsWithoutLpiRegion()
                ? Explorer.Boards.WITH_OR_WITHOUT_LPI_REGION : Explorer.Boards.WITH_LPI_REGION;
        Map<String, List<String>> admitted = world.options();
        long chains = shard.select(profiles).size();
        for (int k = 2; k <= scope.kernels(); k++) chains *= profiles.size(); // every later kernel from the whole population
        long atMost = chains * admitted.values().stream().mapToLong(List::size).reduce(1, (x, y) -> x * y);
        progress.accept("both accounts started on at most " + atMost + " configurations");
        // the simulator runs on the other core while the checker parses and translates
        long start = System.nanoTime();
        long[] simulatorMillis = new long[1];
        CompletableFuture<Map<String, Explorer.Result>> simulated = CompletableFuture.supplyAsync(() -> {
            Map<String, Explorer.Result> results = new LinkedHashMap<>();
            Explorer.exploreAll(shard.select(profiles), profiles, scope.kernels(), admitted, boards)
                    .forEach(r -> results.put(r.configuration().describe(), r));
            simulatorMillis[0] = (System.nanoTime() - start) / 1_000_000;
            return results;
        });

        Comparison comparison = new Comparison(keep);
        Map<String, String> checker = new HashMap<>();
        ConfigurationSpace.Scope inWorld = new ConfigurationSpace.Scope(scope.model(), scope.population(), admitted,
                scope.cpus(), scope.kernels());
        Map<String, ExploredConfiguration.Profile> byName = new HashMap<>();
        profiles.forEach(p -> byName.put(p.name(), p));
        ConfigurationSpace.Summary summary = space.classify(admitted, shard.select(scope.population()), v -> {
            // the simulator's own name for the configuration is the key both accounts meet on
            String key = ExploredConfiguration.of(v.chain().stream().map(byName::get).toList(), v.options()).describe();
            String cls = v.outcome().cliName();
            checker.put(key, cls);
            Explorer.Result sim = simulated.join().get(key);
            if (sim == null) {
                throw new IllegalStateException("the checker classified a configuration the simulator never saw: " + key);
            }
            Trace evidence = v.evidence().get();
            comparison.add(key, sim, cls, () -> TraceNarrator.explain(evidence));
            progress.accept("checker classified " + checker.size() + " of at most " + atMost + " configurations, "
                    + comparison.replayed + " replayed");
            // the simulator has no account of a GICv2 (no LPIs): there is no story to compare
            if (v.outcome() != Outcome.NOT_APPLICABLE) comparison.replay(sim.configuration(), cls, evidence);
        });
        long checked = System.nanoTime();
        progress.accept("checker done (" + checker.size() + " configurations run); waiting for the simulator");
        Map<String, Explorer.Result> simulator = simulated.join();
        simulator.forEach((key, sim) -> {
            if (!checker.containsKey(key)) {
                comparison.add(key, sim, Outcome.CANNOT_RUN.cliName(), () -> List.of("no run of the model gets this chain to its last"
                        + " kernel within the bounds"));
            }
        });
        return new Report(description.model(), inWorld, shard, summary.bounds(), comparison.total, comparison.agreements,
                comparison.classes, List.copyOf(comparison.kept), comparison.replayed, comparison.stateAgreements,
                List.copyOf(comparison.diverged), simulatorMillis[0],
                (checked - start) / 1_000_000, summary.timing());
    }

    private static Map<String, List<String>> optionValues(ConfigurationSpace.Scope scope, ModelDescription description) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> option : ExploredConfiguration.OPTION_VALUES.entrySet()) {
            List<String> known = description.options().get(option.getKey());
            if (known == null || !known.equals(option.getValue())) {
                throw new BadInputException("model " + description.model() + " gives --" + option.getKey()
                        + " the values " + known + ", the simulator knows " + option.getValue());
            }
            List<String> chosen = scope.options().getOrDefault(option.getKey(), known);
            for (String v : chosen) {
                if (!known.contains(v)) {
                    throw new BadInputException("--" + option.getKey() + ": unknown value '" + v + "' (known: "
                            + String.join(", ", known) + ")");
                }
            }
            values.put(option.getKey(), chosen);
        }
        for (String option : scope.options().keySet()) {
            if (!values.containsKey(option)) {
                throw new BadInputException("unknown option --" + option);
            }
        }
        return values;
    }

    /** Tallies the classes and keeps the first disagreements. */
    private static final class Comparison {
        final int keep;
        int total;
        int agreements;
        final Map<String, Map<String, Integer>> classes = new TreeMap<>();
        final List<Disagreement> kept = new ArrayList<>();
        int replayed;
        int stateAgreements;
        final List<StateDivergence> diverged = new ArrayList<>();

        Comparison(int keep) {
            this.keep = keep;
        }

        /** The checker's run replayed on the simulator with the same choices: every state must agree. */
        void replay(ExploredConfiguration c, String checkerClass, Trace run) {
            replayed++;
            ReplayResult r = TraceReplayer.replay(run);
            if (r.confirmed()) {
                stateAgreements++;
            } else if (diverged.size() < keep) {
                diverged.add(new StateDivergence(c.describe(), chain(c), c.options(), checkerClass, r.verdict().word(),
                        ReplayPrinter.lines(r)));
            }
        }

        void add(String key, Explorer.Result sim, String checkerClass, java.util.function.Supplier<List<String>> checkerRun) {
            total++;
            String simClass = sim.outcome().cliName();
            classes.computeIfAbsent(checkerClass, c -> new TreeMap<>()).merge(simClass, 1, Integer::sum);
            if (simClass.equals(checkerClass)) {
                agreements++;
            } else if (kept.size() < keep) {
                List<String> simRun = sim.witness() == null ? List.of(String.valueOf(sim.note()))
                        : List.of(sim.witness().describe().split("\n"));
                ExploredConfiguration c = sim.configuration();
                kept.add(new Disagreement(key, chain(c), c.options(), simClass, checkerClass, simRun, checkerRun.get()));
            }
        }

        private static List<String> chain(ExploredConfiguration c) {
            return c.chain().stream().map(ExploredConfiguration.Profile::name).toList();
        }
    }
}
