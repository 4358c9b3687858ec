package kexeccheck.cli;

import kexeccheck.checker.BadInputException;
import picocli.CommandLine.Option;

/**
 * Whether a command that checks says, for each violated property, in which configurations of the
 * options left open it fails and in which it holds ({@code check}, {@code board}, {@code machine}), or,
 * for each failing cell, which configurations show which class ({@code matrix}).
 */
public final class ConditionsOptions {

    /**
     * At 20–60 ms a solver call, and one call per configuration and violated property, 1024 configurations
     * cost up to about two minutes: every public scenario has at most 192, and a board whose tree leaves
     * the firmware open (a kernel package's tree) 768 (the ThunderX2 of docs/boards.md: 81 s under load).
     */
    static final int DEFAULT_LIMIT = 1024;

    @Option(names = "--no-conditions",
            description = "Skip saying, for each violated property (each failing cell of a matrix), in which"
                    + " configurations of the options left open it fails and in which it holds (the 'fails when' and"
                    + " 'holds when' lines; failsWhen and holdsWhen in JSON). Saves about one solver call per"
                    + " configuration.")
    boolean noConditions;

    @Option(names = "--conditions-limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "Say when each violation fails and holds only if the options left open make at most N"
                    + " configurations (in a matrix: failing cells times configurations); each costs solver calls, and"
                    + " above N the report says they were not computed. Default: ${DEFAULT-VALUE}.")
    int limit;

    /** The most configurations to classify: 0 with {@code --no-conditions}. */
    public int upTo() {
        if (limit < 0) {
            throw new BadInputException("--conditions-limit must be at least 0, not " + limit);
        }
        return noConditions ? 0 : limit;
    }
}
