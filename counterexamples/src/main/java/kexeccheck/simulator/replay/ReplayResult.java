package kexeccheck.simulator.replay;

import java.util.List;
import java.util.Map;

/**
 * The outcome of replaying a trace.
 *
 * @param property the trace's property
 * @param traceStep the step where the trace says it fails
 * @param simulatorStep the first step where it fails in the simulator, or -1
 * @param firstDifference the first step where the two accounts' states differ, or -1
 * @param frames the frame → physical address mapping used
 * @param steps every replayed step
 */
public record ReplayResult(String property, int traceStep, int simulatorStep, int firstDifference,
                           Map<String, Long> frames, List<ReplayStep> steps) {

    /** Whether the same property fails at the same step in both accounts. */
    public boolean confirmed() {
        return simulatorStep == traceStep;
    }

    /** The first step where the accounts part: the earlier of the first state difference and the verdict difference. */
    public int divergence() {
        int verdict = confirmed() ? -1 : Math.min(traceStep, simulatorStep < 0 ? Integer.MAX_VALUE : simulatorStep);
        if (firstDifference < 0) return verdict;
        return verdict < 0 ? firstDifference : Math.min(verdict, firstDifference);
    }
}
