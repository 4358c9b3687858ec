package kexeccheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kexeccheck.simulator.replay.ReplayPrinter;
import kexeccheck.simulator.replay.ReplayResult;
import kexeccheck.simulator.replay.TraceReplayer;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kexec-check replay TRACE.json}: the counterexample re-run on the concrete table simulator. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replays a counterexample trace on the concrete table simulator (simulated RAM, GIC registers,"
                    + " EFI memreserve list, DTB, loader and kernels) and prints the concrete run and a verdict:",
            "confirmed (the same property fails at the same step) or spurious (with the first step where"
                    + " the two accounts differ)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:confirmed", "1:spurious", "2:bad input (unreadable or invalid trace)"})
final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE.json", description = "A trace written by check --out.")
    Path trace;

    @Override
    public Integer call() {
        Trace t = TraceJson.read(trace);
        ReplayResult result = TraceReplayer.replay(t);
        PrintWriter out = spec.commandLine().getOut();
        out.println("replay of " + trace.getFileName() + ": " + t.property() + " (" + t.outcome() + "), model "
                + t.model() + ", fails at step " + t.violationState());
        ReplayPrinter.lines(result).forEach(out::println);
        out.flush();
        return result.confirmed() ? KexecCheck.OK : KexecCheck.VIOLATED;
    }
}
