package kexeccheck.checker.sat;

import java.util.Optional;
import java.util.function.Consumer;
import kexeccheck.checker.BadInputException;
import kodkod.engine.satlab.SATFactory;

/**
 * The SAT engine of this process: one per process, because a CLI process runs one command and every
 * query of it (and each thread of {@code matrix --jobs}) should be answered by the same engine. The
 * CLI chooses it before solving ({@link #choose}); until then it is {@link SatEngine#AUTO}.
 *
 * <p>The system property {@value #KODKOD_PROPERTY} still names any other solver Kodkod knows
 * (MiniSat, Glucose from Alloy's distribution jar), for the benchmark's comparison; it wins over the
 * choice.
 */
public final class SatEngines {

    /** The environment variable that turns a missing CaDiCaL into an error (CI sets it). */
    public static final String REQUIRE = "KEXEC_CHECK_REQUIRE_CADICAL";
    /** The system property naming another Kodkod solver, for benchmarks. */
    public static final String KODKOD_PROPERTY = "kexeccheck.solver";

    private static Answering current;

    private SatEngines() {}

    /**
     * An engine that answers.
     *
     * @param name its name in reports ({@code cadical}, {@code sat4j}, or Kodkod's id)
     * @param factory what Alloy is given
     */
    public record Answering(String name, SATFactory factory) {}

    /**
     * Chooses the engine for the rest of the process.
     *
     * @param requested what the user asked for
     * @param warn told one line when a named engine cannot load and SAT4J answers instead
     * @return the engine that answers
     * @throws BadInputException when CaDiCaL does not load and {@value #REQUIRE}=1
     */
    public static synchronized Answering choose(SatEngine requested, Consumer<String> warn) {
        current = resolve(requested, warn, required());
        return current;
    }

    /** Whether CaDiCaL must load ({@value #REQUIRE}=1): its absence is then an error, not SAT4J. */
    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }

    /** The engine that answers: the one chosen, else what {@link SatEngine#AUTO} gives. */
    public static synchronized Answering current() {
        if (current == null) {
            current = resolve(SatEngine.AUTO, line -> {}, required());
        }
        return current;
    }

    static Answering resolve(SatEngine requested, Consumer<String> warn, boolean required) {
        String other = System.getProperty(KODKOD_PROPERTY);
        if (other != null && !other.isBlank()) {
            return kodkod(other);
        }
        if (requested == SatEngine.SAT4J) {
            return kodkod("sat4j");
        }
        Optional<String> failure = CadicalLibrary.load();
        if (failure.isEmpty()) {
            return new Answering("cadical", CadicalFactory.INSTANCE);
        }
        String why = "CaDiCaL does not load from " + CadicalLibrary.path() + ": " + failure.get();
        if (required) {
            throw new BadInputException(why + " (" + REQUIRE + "=1 requires it)");
        }
        if (requested == SatEngine.CADICAL) {
            warn.accept("kexec-check: --solver cadical: " + why + "; SAT4J answers");
        }
        return kodkod("sat4j");
    }

    private static Answering kodkod(String name) {
        Optional<SATFactory> found = SATFactory.find(name).filter(SATFactory::isPresent);
        if (found.isEmpty()) {
            throw new BadInputException("-D" + KODKOD_PROPERTY + "=" + name + ": no such SAT solver loads here (present: "
                    + String.join(", ", SATFactory.getSolvers().stream().map(SATFactory::id).toList()) + ")");
        }
        return new Answering(found.get().id(), found.get());
    }
}
