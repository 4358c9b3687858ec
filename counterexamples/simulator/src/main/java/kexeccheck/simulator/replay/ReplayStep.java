package kexeccheck.simulator.replay;

import java.util.List;
import kexeccheck.simulator.detect.StepRecord;

/**
 * One replayed step.
 *
 * @param index the state's index
 * @param headline what happened, in words
 * @param record what the simulator did and saw
 * @param violations why the trace's property fails here in the simulator (empty: it holds)
 * @param differences where the simulator's state differs from the trace's
 */
public record ReplayStep(int index, String headline, StepRecord record, List<String> violations,
                         List<String> differences) {}
