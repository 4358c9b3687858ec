package kexeccheck.cli;

import java.io.PrintWriter;
import kexeccheck.cli.gate.GateCommand;
import kexeccheck.report.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kexec-check} command: its subcommands and its exit codes. */
@Command(name = "kexec-check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionText.class,
        description = "A model checker for the hand-over ABI between kernels across kexec"
                + " (arm64 GICv3 LPI tables): can memory be corrupted or interrupts be lost, and how?",
        subcommands = {ListCommand.class, CheckCommand.class, MatrixCommand.class, RenderCommand.class,
            ReplayCommand.class, GateCommand.class, CrosscheckCommand.class, DiffCommand.class, MergeCommand.class,
            BoardCommand.class, MachineCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every property holds (gate: nothing new)",
            "1:a property is violated (gate: a new violation or a changed outcome)",
            "2:bad input (model, option, file)",
            "3:internal error (details written to a file)",
            "4:replay, crosscheck: not replayable (the simulator has no account of a capability or channel)"})
public final class KexecCheck implements Runnable {

    /** Every property holds. */
    public static final int OK = 0;
    /** A property is violated. */
    public static final int VIOLATED = 1;
    /** Bad input: one line on stderr names it. */
    public static final int BAD_INPUT = 2;
    /** A bug: one line on stderr says where the details are. */
    public static final int INTERNAL_ERROR = 3;
    /** replay or crosscheck of a model the simulator has no account of: one line names what. */
    public static final int NOT_REPLAYABLE = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required ("
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()) + ")");
    }

    /** Runs the command line with the given writers; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new KexecCheck());
        // every subcommand offers -V (mixinStandardHelpOptions): each must print the version, not nothing
        cli.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(new VersionText()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Failures::badParameters);
        cli.setExecutionExceptionHandler(Failures::failed);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The program's entry point. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }
}
