package kexeccheck.simulator.replay;

import java.util.ArrayList;
import java.util.List;
import kexeccheck.simulator.detect.Incident;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.kernel.LogLine;

/** The concrete run of a replay as text: mapping, then each step's register writes, memory writes, log, and the verdict. */
public final class ReplayPrinter {

    private ReplayPrinter() {}

    /** The last line of the report: the verdict and why. */
    public static String verdictLine(ReplayResult r) {
        return switch (r.verdict()) {
            case CONFIRMED -> "verdict: confirmed (" + r.property() + " fails at step " + r.traceStep()
                    + " in both accounts; the states agree at every step)";
            case DIVERGED -> "verdict: diverged (" + r.property() + " fails at step " + r.traceStep()
                    + " in both accounts, but the states first differ at step " + r.firstDifference() + ": "
                    + r.firstDifferences().get(0) + ")";
            case SPURIOUS -> "verdict: spurious (" + r.property() + " fails at step " + r.traceStep() + " in the trace, "
                    + (r.simulatorStep() < 0 ? "never in the simulator" : "at step " + r.simulatorStep() + " in the simulator")
                    + "; the accounts first differ at step " + r.divergence() + ")";
        };
    }

    /** Every line of the report. */
    public static List<String> lines(ReplayResult r) {
        List<String> out = new ArrayList<>();
        out.add("frames (64 KiB each) -> physical addresses:");
        StringBuilder row = new StringBuilder();
        r.frames().forEach((f, pa) -> row.append(String.format("  %s=0x%08x", f, pa)));
        out.add(row.toString());
        for (ReplayStep s : r.steps()) {
            out.add(String.format("%3d  %s", s.index(), s.headline()));
            StepRecord rec = s.record();
            for (String w : rec.registerWrites) out.add("       reg  " + w);
            for (StepRecord.MemoryWrite w : rec.memoryWrites) {
                out.add(String.format("       mem  0x%08x +0x%-5x by %s", w.pa(), w.length(), w.writer()));
            }
            for (String n : rec.notes) out.add("       note " + n);
            for (LogLine l : rec.log) out.add("       log  [" + rec.kernel() + "] " + l.text());
            for (Incident i : rec.incidents) out.add("       !!   " + i.describe());
            if (s.differences().isEmpty()) {
                out.add("       ==   the simulator's state agrees with the trace");
            } else {
                for (String d : s.differences()) out.add("       <>   " + d);
            }
            for (String v : s.violations()) out.add("       xx   " + r.property() + " fails: " + v);
        }
        out.add(verdictLine(r));
        return out;
    }
}
