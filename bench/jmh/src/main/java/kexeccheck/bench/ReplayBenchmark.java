package kexeccheck.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kexeccheck.cli.KexecCheck;
import kexeccheck.simulator.replay.ReplayResult;
import kexeccheck.simulator.replay.TraceReplayer;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay of one counterexample on the concrete table simulator. The trace file is written once,
 * in setup, by the CLI itself ({@link Requests#VIOLATED_ARGS} with {@code --out DIR}): the
 * shortest no-stray-write counterexample of linux-4.19 → linux-4.19 over EFI.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss16m"})
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ReplayBenchmark {

    private Path dir;
    private Path file;
    private Trace trace;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("kexec-check-jmh");
        List<String> args = new ArrayList<>(Requests.VIOLATED_ARGS);
        args.addAll(List.of("--no-timing", "--out", dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KexecCheck.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        file = dir.resolve("no-stray-write.trace.json");
        if (exit != KexecCheck.VIOLATED || !Files.isRegularFile(file)) {
            throw new IllegalStateException("kexec-check " + String.join(" ", args) + " exited " + exit
                    + " without writing " + file + "\n" + out + err);
        }
        trace = TraceJson.read(file);
        confirmed(TraceReplayer.replay(trace));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * What {@code kexec-check replay TRACE.json} does but print: read the file, validate it against
     * the trace schema, bind it, replay it on the simulator.
     */
    @Benchmark
    public ReplayResult replayTraceFile() {
        return confirmed(TraceReplayer.replay(TraceJson.read(file)));
    }

    /**
     * {@link TraceReplayer#replay} alone, on the trace already read: the simulator's share of the
     * above (the rest is reading, schema validation and binding).
     */
    @Benchmark
    public ReplayResult replayTrace() {
        return confirmed(TraceReplayer.replay(trace));
    }

    private static ReplayResult confirmed(ReplayResult r) {
        if (!r.confirmed()) {
            throw new IllegalStateException("the replay of " + r.property() + " was spurious (simulator step "
                    + r.simulatorStep() + ", trace step " + r.traceStep() + ")");
        }
        return r;
    }
}
