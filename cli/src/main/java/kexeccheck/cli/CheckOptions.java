package kexeccheck.cli;

import java.util.List;
import java.util.Optional;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code check}: the configuration ({@link ConfigurationOptions}),
 * which chains, which properties, and the bounds.
 */
final class CheckOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--chain", split = ",", paramLabel = "PROFILE",
            description = "Exact chain of profiles, the first booted by firmware (e.g. linux-6.1,linux-4.19).")
    List<String> chain;

    @Option(names = "--population", split = ",", paramLabel = "PROFILE",
            description = "Profiles any chain may draw from (default: every profile of the model).")
    List<String> population;

    @Option(names = "--kernels", paramLabel = "N",
            description = "Longest chain drawn from the population (not with --chain, which fixes it). Default: "
                    + CheckRequest.DEFAULT_KERNELS + ".")
    Integer kernels;

    @Option(names = "--property", split = ",", paramLabel = "NAME",
            description = "Check only these properties (repeatable; all of them when left out).")
    List<String> properties;

    @Option(names = "--steps", paramLabel = "N",
            description = "Trace states explored (default: 2N+1 for chains of N kernels, which covers every run).")
    Integer steps;

    @Option(names = "--frames", paramLabel = "N",
            description = "Memory frames (default: (N+1)(CPUs+1), enough for every allocation).")
    Integer frames;

    /** The request these options describe. */
    CheckRequest request() {
        requireOnce("--chain");
        List<String> exact = GivenValues.of("--chain", chain);
        if (!exact.isEmpty() && kernels != null && kernels != exact.size()) {
            throw new BadInputException("--kernels " + kernels + " with a --chain of " + exact.size()
                    + " kernels: the chain fixes how many (leave --kernels out)");
        }
        return new CheckRequest(configuration.model, exact, GivenValues.of("--population", population),
                kernels == null ? CheckRequest.DEFAULT_KERNELS : kernels, configuration.values(), configuration.cpus(),
                Optional.ofNullable(frames), Optional.ofNullable(steps), GivenValues.of("--property", properties));
    }

    /**
     * Refuses an option given twice whose values would otherwise be joined: {@code --chain a,b --chain
     * c,d} is not one chain of four kernels a user meant.
     */
    private void requireOnce(String option) {
        picocli.CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        picocli.CommandLine.Model.OptionSpec matched = parsed == null ? null : parsed.matchedOption(option);
        if (matched != null && matched.originalStringValues().size() > 1) {
            throw new BadInputException(option + " given " + matched.originalStringValues().size() + " times ("
                    + String.join(", ", matched.originalStringValues()) + "): give one " + option + " with the whole"
                    + " list");
        }
    }
}
