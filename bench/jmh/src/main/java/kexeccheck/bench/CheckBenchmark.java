package kexeccheck.bench;

import java.util.concurrent.TimeUnit;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.CheckRequest;
import kexeccheck.checker.Checker;
import kexeccheck.checker.PropertyResult;
import kexeccheck.trace.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole {@code kexec-check check} through the public API, {@link Checker#check}: resolving
 * the shipped model, parsing it, composing the queries, translating each to CNF and solving it
 * with SAT4J, and (when violated) extracting and shortening the counterexample. Everything but
 * the CLI's option parsing and printing.
 *
 * <p>An operation takes seconds, so each iteration (1 s) is one operation: 2 warm-up and 3
 * measured operations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss16m"})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CheckBenchmark {

    private final CheckRequest holds = Requests.itsQuiescentHolds();
    private final CheckRequest violated = Requests.noStrayWriteViolated();

    /** {@link Requests#SAFE_ARGS}: its-quiescent holds on linux-6.1 → linux-6.1 over EFI. */
    @Benchmark
    public CheckReport checkItsQuiescentHolds() {
        return expect(Checker.check(holds), PropertyResult.Status.HOLDS, Outcome.SAFE);
    }

    /** {@link Requests#VIOLATED_ARGS}: no-stray-write violated on linux-4.19 → linux-4.19, with a shortest trace. */
    @Benchmark
    public CheckReport checkNoStrayWriteViolated() {
        return expect(Checker.check(violated), PropertyResult.Status.VIOLATED, Outcome.CORRUPTION);
    }

    /** A benchmark of a wrong answer measures nothing worth having: fail the run instead. */
    static CheckReport expect(CheckReport report, PropertyResult.Status status, Outcome outcome) {
        PropertyResult p = report.properties().get(0);
        if (p.status() != status || report.outcome() != outcome) {
            throw new IllegalStateException(p.name() + " is " + p.status().cliName() + " (outcome "
                    + report.outcome().cliName() + "), expected " + status.cliName() + " (" + outcome.cliName() + ")");
        }
        return report;
    }
}
