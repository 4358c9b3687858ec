package kexeccheck.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command that ends in one check ({@code board}, {@code machine}) reports it. */
final class VerdictOptions {

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    CheckCommand.ReportFormat format;

    @Option(names = "--no-proof", description = "Skip the k-induction: what holds, holds up to the bounds.")
    boolean noProof;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Mixin
    ConditionsOptions conditions;

    boolean json() {
        return format == CheckCommand.ReportFormat.json;
    }
}
