package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kexeccheck.bench.Requests;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of a check one at a time, on the model and queries of {@link Requests}: resolving
 * and parsing the model, translating and solving one query, extracting a trace from a solution.
 *
 * <p>In package {@code kexeccheck.checker} (a split package: this jar's classes and the
 * checker's, on one class path) because {@link LoadedModel}, {@link QueryText} and
 * {@link TraceExtractor} are package-private; it calls them exactly as {@link Checker#check}
 * and {@link Query} do, without reflection.
 *
 * <p>Each benchmark runs in its own JVM and sets up only the states it takes. The solver
 * benchmarks take seconds an operation, so each of their iterations (1 s) is one operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss16m"})
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ModelBenchmark {

    /** The shipped model {@code upstream} as text, and the bounds both requests compute (5 states, 9 frames). */
    @State(Scope.Benchmark)
    public static class Source {
        ModelSource source;
        Bounds bounds;

        @Setup(Level.Trial)
        public void setUp() {
            CheckRequest holds = Requests.itsQuiescentHolds();
            source = ModelSource.resolve(holds.model());
            bounds = BoundsPolicy.forRequest(source, holds);
            if (!bounds.equals(BoundsPolicy.forRequest(source, Requests.noStrayWriteViolated()))) {
                throw new IllegalStateException("the two requests were meant to share their bounds, hence one model");
            }
        }
    }

    /** The model parsed once, and the first query of each check. */
    @State(Scope.Benchmark)
    public static class Loaded {
        Bounds bounds;
        LoadedModel model;
        /** The first query of the its-quiescent check: a run where it fails (there is none: UNSAT). */
        String holdsQuery;
        /** The first query of the no-stray-write check: a run where it fails (SAT). */
        String violatedQuery;

        @Setup(Level.Trial)
        public void setUp(Source s) {
            bounds = s.bounds;
            model = LoadedModel.load(s.source, s.bounds);
            holdsQuery = firstQuery(Requests.itsQuiescentHolds(), "its-quiescent");
            violatedQuery = firstQuery(Requests.noStrayWriteViolated(), "no-stray-write");
        }

        /** What {@link Checker#check} asks first ({@link Query#find}): one of the runs, where the property eventually fails. */
        private String firstQuery(CheckRequest request, String property) {
            String runs = QueryText.runs(QueryText.configuration(request, model.vocabulary(), model.source().name()));
            return runs + " and eventually (" + Annotations.anyFails(List.of(property(property))) + ")";
        }

        Annotations.Annotated property(String name) {
            return model.annotations().properties().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the model has no property " + name));
        }
    }

    /** A run violating no-stray-write, solved once. */
    @State(Scope.Benchmark)
    public static class Solved {
        LoadedModel model;
        A4Solution run;
        Annotations.Annotated property;

        @Setup(Level.Trial)
        public void setUp(Loaded l) {
            model = l.model;
            property = l.property("no-stray-write");
            LoadedModel.SolveResult r = l.model.solve(l.violatedQuery, l.bounds.steps());
            if (!r.found()) {
                throw new IllegalStateException("no run violates no-stray-write: " + l.violatedQuery);
            }
            run = r.solution();
        }
    }

    /**
     * {@link ModelSource#resolve} (public): the shipped proposal and every module it may open,
     * as text; what a check does before parsing.
     */
    @Benchmark
    public ModelSource resolveModelSource() {
        return ModelSource.resolve("upstream");
    }

    /**
     * {@link LoadedModel#load}: Alloy parses and type-checks the proposal and every module it opens
     * (with the bounds' template command appended); then the annotations and the vocabulary are read.
     */
    @Benchmark
    @Warmup(iterations = 8)
    public LoadedModel loadModel(Source s) {
        return LoadedModel.load(s.source, s.bounds);
    }

    /**
     * One query translated to CNF and solved, UNSAT: no run of linux-6.1 → linux-6.1 over EFI
     * (loader honours-reserved, sticky hardware, active devices) violates its-quiescent. The model
     * is loaded once; the formula is parsed once and cached, as within a check.
     */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 3)
    public LoadedModel.SolveResult solveItsQuiescentUnsat(Loaded l) {
        LoadedModel.SolveResult r = l.model.solve(l.holdsQuery, l.bounds.steps());
        if (r.found()) {
            throw new IllegalStateException("a run violates its-quiescent");
        }
        return r;
    }

    /**
     * One query translated to CNF and solved, SAT: a run of linux-4.19 → linux-4.19 over EFI
     * (sticky hardware, active devices) violating no-stray-write.
     */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 3)
    public LoadedModel.SolveResult solveNoStrayWriteSat(Loaded l) {
        LoadedModel.SolveResult r = l.model.solve(l.violatedQuery, l.bounds.steps());
        if (!r.found()) {
            throw new IllegalStateException("no run violates no-stray-write");
        }
        return r;
    }

    /**
     * {@link TraceExtractor#extract}: the run of {@link Solved} read back from Alloy's solution,
     * cut at the first failing state with its stutter steps removed, atoms named, kernel log composed.
     */
    @Benchmark
    public Trace extractTrace(Solved s) {
        return TraceExtractor.extract(s.model, s.run, "not (" + s.property.predicate() + ")", s.property.name(),
                s.property.outcome());
    }
}
