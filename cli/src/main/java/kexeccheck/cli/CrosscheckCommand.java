package kexeccheck.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.ConfigurationSpace;
import kexeccheck.checker.ModelDescription;
import kexeccheck.checker.Shard;
import kexeccheck.crosscheck.CrossCheck;
import kexeccheck.report.CrosscheckReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kexec-check crosscheck}: the checker against the concrete table simulator, configuration by configuration. */
@Command(name = "crosscheck", mixinStandardHelpOptions = true,
        description = {"Classifies every configuration of the scope twice -- by the concrete table simulator alone"
                + " (every run that matters, byte by byte) and by the checker (every run within the bounds) -- and"
                + " compares the two: every chain of --kernels kernels from the population (K1 booted by the"
                + " firmware, every later kernel by kexec, the last by crash kexec with --kexec crash), every value"
                + " of every option left open, 2 CPUs. Prints the agreement count and every disagreement with both"
                + " explanations."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the two accounts agree on every configuration", "1:a disagreement",
            "2:bad input (model, option)", "3:internal error (details written to a file)",
            "4:not replayable: the simulator has no account of a capability or channel of the model"})
final class CrosscheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigurationOptions configuration;

    @Mixin
    SolverOptions engine;

    @Option(names = "--population", split = ",", paramLabel = "PROFILE",
            description = "The profiles every kernel of a chain is drawn from. Default: every profile of the model.")
    List<String> population;

    @Option(names = "--kernels", paramLabel = "2|3", defaultValue = "2",
            description = "How many kernels every chain has. Three multiplies the configurations by the population's"
                    + " size and the simulator's runs by the choices of the second kexec. Default: ${DEFAULT-VALUE}.")
    int kernels;

    @Option(names = "--show", paramLabel = "N", defaultValue = "20",
            description = "Explain at most this many disagreements. Default: ${DEFAULT-VALUE}.")
    int show;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    CheckCommand.ReportFormat format;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Compare only part I of N: the chains whose first kernel is in that part of the population"
                    + " (round robin), e.g. as one job of a CI matrix; 'kexec-check merge' puts the parts' --format"
                    + " json reports together.")
    String shard;

    @Option(names = "--no-timing", description = "Leave times out, so the same input gives byte-identical output.")
    boolean noTiming;

    @Override
    public Integer call() {
        engine.choose();
        if (configuration.cpus() != 2) {
            throw new BadInputException("--cpus " + configuration.cpus() + ": the cross-check covers 2 CPUs");
        }
        if (show < 0) {
            throw new BadInputException("--show " + show + ": must be 0 or more");
        }
        // both accounts take chains of any length; 2 and 3 are the lengths measured (validation/crosscheck/scopes.tsv),
        // and each kernel more multiplies the configurations and the simulator's runs again
        if (kernels != 2 && kernels != 3) {
            throw new BadInputException("--kernels " + kernels + ": the cross-check covers chains of 2 or 3 kernels");
        }
        ModelDescription model = ModelDescription.of(configuration.model);
        List<String> given = GivenValues.of("--population", population);
        List<String> profiles = given.isEmpty() ? List.copyOf(model.profiles().keySet()) : given;
        SimulatorAccountCheck.require(model, profiles);
        CrossCheck.Report report;
        try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "crosscheck")) {
            report = CrossCheck.run(new ConfigurationSpace.Scope(configuration.model, profiles, configuration.values(), 2,
                    kernels), show, shard == null ? Shard.WHOLE : Shard.parse(shard), progress::show);
        }
        return emit(report, format, noTiming, spec.commandLine());
    }

    /** Prints a cross-check as {@code crosscheck} does; the exit code: 1 when the accounts disagree. */
    static int emit(CrossCheck.Report report, CheckCommand.ReportFormat format, boolean noTiming,
            CommandLine commandLine) {
        PrintWriter out = commandLine.getOut();
        out.print(format == CheckCommand.ReportFormat.json
                ? CrosscheckReport.json(report, !noTiming)
                : CrosscheckReport.text(report, !noTiming));
        out.flush();
        return report.agree() ? KexecCheck.OK : KexecCheck.VIOLATED;
    }
}
