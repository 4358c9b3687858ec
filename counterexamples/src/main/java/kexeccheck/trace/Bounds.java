package kexeccheck.trace;

/**
 * The bounds of a search: how many kernels in a chain, CPUs, memory frames
 * and states of a trace were explored.
 *
 * @param kernels the longest chain of kernels explored
 * @param cpus the number of CPUs (one redistributor each)
 * @param frames the number of 64 KiB memory frames the model names
 * @param steps the number of states of a trace (the cold boot included)
 * @param complete whether {@code steps} covers every run of chains this long
 *     (the model's events fire at most once per kernel), so that "holds"
 *     means "for every trace" and not just "for traces this long"
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
        String runs = complete
                ? "every run (" + steps + " states suffice)"
                : "runs of up to " + steps + " states";
        return chain + ", " + cpus + (cpus == 1 ? " CPU, " : " CPUs, ") + frames + " frames, " + runs;
    }
}
