package kexeccheck.simulator.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kexeccheck.simulator.kernel.LogLine;
import kexeccheck.simulator.kernel.Use;

/**
 * Everything observable that happened in one step: register writes, memory
 * writes, GIC pending writes and kernel table writes (each with the owner of
 * the memory at that moment), log lines, the GIC driver's decisions, and the
 * incidents the detector raised. Mutable while the step runs.
 */
public final class StepRecord {

    /** A pending bit the GIC set. */
    public record PendingWrite(int cpu, long pa, Use owner) {}

    /** A table a kernel reset or zeroed, with the owner of its first byte before. */
    public record TableWrite(long pa, int length, Use before, String table) {}

    /** A memory write, summarised. */
    public record MemoryWrite(long pa, int length, String writer) {}

    private final int step;
    private final String kernel;
    public final List<String> registerWrites = new ArrayList<>();
    public final List<MemoryWrite> memoryWrites = new ArrayList<>();
    public final List<PendingWrite> pendingWrites = new ArrayList<>();
    public final List<TableWrite> tableWrites = new ArrayList<>();
    public final List<LogLine> log = new ArrayList<>();
    public final List<Incident> incidents = new ArrayList<>();
    public final Map<Integer, String> cpuModes = new TreeMap<>();
    public final Map<Integer, Long> allocatedPending = new TreeMap<>();
    public final List<String> notes = new ArrayList<>();
    /** The property table the booting kernel took in this step, or -1. */
    public long propertyTable = -1;

    /** A record for step {@code step}, run by {@code kernel}. */
    public StepRecord(int step, String kernel) {
        this.step = step;
        this.kernel = kernel;
    }

    /** The step's index. */
    public int step() {
        return step;
    }

    /** The running kernel. */
    public String kernel() {
        return kernel;
    }
}
