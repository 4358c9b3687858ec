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
                    + " EFI memreserve list, DTB, loader and kernels) and prints the concrete run and a verdict:"
                    + " confirmed, diverged or spurious.",
            "Confirmed: every state agrees and the same property fails at the same step. Diverged: the"
                    + " property fails at the same step but a state differs (the first differing step and field"
                    + " are named). Spurious: the simulator does not fail where the trace does."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:confirmed", "1:diverged or spurious",
            "2:bad input (unreadable or invalid trace, or a profile, capability or option its model does not have)",
            "3:internal error (details written to a file)",
            "4:not replayable: the simulator has no account of a capability or channel of the trace's model"})
final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE.json", description = "A trace written by check --out.")
    Path trace;

    @Override
    public Integer call() {
        Trace t = TraceJson.read(trace);
        SimulatorAccountCheck.require(TraceModelCheck.against(trace, t),
                t.configuration().chain().stream().map(k -> k.profile()).toList());
        ReplayResult result = TraceReplayer.replay(t);
        PrintWriter out = spec.commandLine().getOut();
        out.println("replay of " + trace.getFileName() + ": " + t.property() + " (" + t.outcome() + "), model "
                + t.model() + ", fails at step " + t.violationState());
        ReplayPrinter.lines(result).forEach(out::println);
        out.flush();
        return result.confirmed() ? KexecCheck.OK : KexecCheck.VIOLATED;
    }
}
