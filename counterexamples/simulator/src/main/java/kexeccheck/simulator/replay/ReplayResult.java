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

    /** What a replay concludes about a trace. */
    public enum Verdict {
        /** Every state agrees and the property fails at the trace's step in the simulator too. */
        CONFIRMED,
        /** The property fails at the same step, but some state differs: the accounts tell different stories. */
        DIVERGED,
        /** The simulator does not fail the property where the trace says it fails. */
        SPURIOUS;

        /** The word the CLI prints. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The verdict: confirmed only on full agreement of every state and of the failing step. */
    public Verdict verdict() {
        if (simulatorStep != traceStep) return Verdict.SPURIOUS;
        return firstDifference < 0 ? Verdict.CONFIRMED : Verdict.DIVERGED;
    }

    /** Whether every state agrees and the same property fails at the same step in both accounts. */
    public boolean confirmed() {
        return verdict() == Verdict.CONFIRMED;
    }

    /** The differences of the first step where the states differ (empty if none). */
    public List<String> firstDifferences() {
        return steps.stream().filter(s -> s.index() == firstDifference).findFirst()
                .map(ReplayStep::differences).orElse(List.of());
    }

    /** The first step where the accounts part: the earlier of the first state difference and the verdict difference. */
    public int divergence() {
        int verdict = simulatorStep == traceStep ? -1
                : Math.min(traceStep, simulatorStep < 0 ? Integer.MAX_VALUE : simulatorStep);
        if (firstDifference < 0) return verdict;
        return verdict < 0 ? firstDifference : Math.min(verdict, firstDifference);
    }
}
