package kexeccheck.trace;

/**
 * The bounds of a search: how many kernels in a chain, CPUs, memory frames
 * and states of a trace were explored.
 *
 * @param kernels the longest chain of kernels explored
 * @param cpus the number of CPUs (one redistributor each)
 * @param frames the number of 64 KiB memory frames the model names
 * @param steps the number of states of a trace (the cold boot included)
 * @param complete whether {@code steps} leaves room for every event of every kernel of
 *     chains this long (the shipped models' state-changing events fire at most once
 *     per kernel); an argument, not a proof: a verdict that holds for runs of any
 *     length says so itself (k-induction)
 */
public record Bounds(int kernels, int cpus, int frames, int steps, boolean complete) {

    public Bounds {
        if (kernels < 1 || cpus < 1 || frames < 1 || steps < 1) {
            throw new IllegalArgumentException("bounds must be positive: " + this);
        }
    }

    /** The bounds in words, as a verdict names them. */
    public String describe() {
        String chain = kernels == 1 ? "1 kernel" : "chains of up to " + kernels + " kernels";
        // "complete" is the bounds policy's argument, not a proof: a proof is named in each verdict
        String runs = "runs of up to " + steps + " states" + (complete ? " (room for every kernel's events)" : "");
        return chain + ", " + cpus + (cpus == 1 ? " CPU, " : " CPUs, ") + frames + " frames, " + runs;
    }
}
