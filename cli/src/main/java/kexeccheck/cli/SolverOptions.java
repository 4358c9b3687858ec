package kexeccheck.cli;

import java.io.PrintWriter;
import kexeccheck.checker.sat.SatEngine;
import kexeccheck.checker.sat.SatEngines;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --solver}, shared by every command that solves: which SAT engine answers. Each such command
 * calls {@link #choose} before its first query.
 */
public final class SolverOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--solver", paramLabel = "auto|cadical|sat4j",
            description = "The SAT engine: auto (CaDiCaL in-process when native/build-cadical.sh has built it,"
                    + " else SAT4J), cadical or sat4j. Verdicts do not depend on it. Default: auto.")
    String solver;

    /**
     * Chooses the engine for this process: the one given, else {@code otherwise}. A named engine that
     * does not load prints one line on stderr and SAT4J answers.
     *
     * @throws kexeccheck.checker.BadInputException for an unknown value, or a missing CaDiCaL when it is
     *     required
     */
    public void choose(SatEngine otherwise) {
        SatEngine requested = solver == null ? otherwise : SatEngine.parse(solver);
        PrintWriter err = spec.commandLine().getErr();
        SatEngines.choose(requested, line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Chooses the engine given, else {@link SatEngine#AUTO}. */
    public void choose() {
        choose(SatEngine.AUTO);
    }

    /** Whether {@code --solver} was given. */
    public boolean given() {
        return solver != null;
    }
}
