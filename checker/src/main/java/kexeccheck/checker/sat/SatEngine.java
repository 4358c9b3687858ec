package kexeccheck.checker.sat;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import kexeccheck.checker.BadInputException;

/** The SAT engine a user asks for ({@code --solver}). */
public enum SatEngine {
    /** CaDiCaL when its library loads, else SAT4J, silently. */
    AUTO,
    /** CaDiCaL, in-process; SAT4J answers, with one line on stderr, when the library does not load. */
    CADICAL,
    /** SAT4J, embedded in Alloy. */
    SAT4J;

    /** The name on the command line and in reports. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The engine a command-line value names.
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    public static SatEngine parse(String value) {
        for (SatEngine e : values()) {
            if (e.cliName().equals(value)) {
                return e;
            }
        }
        throw new BadInputException("--solver " + value + ": no such SAT engine (one of: "
                + Arrays.stream(values()).map(SatEngine::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
