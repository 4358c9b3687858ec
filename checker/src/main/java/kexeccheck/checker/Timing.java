package kexeccheck.checker;

/**
 * Where the time of one or more solver queries went.
 *
 * @param translateMillis Alloy to CNF (Kodkod/Pardinus translation)
 * @param solveMillis inside the SAT engine (SAT4J or CaDiCaL)
 * @param solverCalls how many queries were solved
 * @param largestCnf the largest CNF solved, in clauses
 */
public record Timing(long translateMillis, long solveMillis, int solverCalls, int largestCnf) {

    /** No time at all. */
    public static final Timing NONE = new Timing(0, 0, 0, 0);

    /** The sum of two timings. */
    public Timing plus(Timing other) {
        return new Timing(translateMillis + other.translateMillis, solveMillis + other.solveMillis,
                solverCalls + other.solverCalls, Math.max(largestCnf, other.largestCnf));
    }

    static Timing of(LoadedModel.SolveResult r) {
        return new Timing(r.translateNanos() / 1_000_000, r.solveNanos() / 1_000_000, 1, r.clauses());
    }
}
