package kexeccheck.checker;

import kexeccheck.trace.Bounds;

/**
 * Chooses the bounds of a check from the chain it covers.
 *
 * <p>Steps: in the shipped models every kernel fires its GIC boot event at
 * most once and is entered at most once, and the only other events (an MSI,
 * a stutter) leave the state as it was but for the write they record. So a
 * chain of N kernels reaches every state it can within 2N-1 state-changing
 * steps, and one more step shows any MSI landing: 2N+1 states (the cold boot
 * included) cover every run. Frames: each kernel takes one property and one
 * pending table per CPU and the LPI region holds as many, so
 * (N+1)(C+1) frames let every allocation succeed wherever it lands; fewer
 * frames could refuse an allocation and hide a run.
 */
public final class BoundsPolicy {

    private BoundsPolicy() {}

    /** States that cover every run of a chain of {@code kernels} kernels. */
    public static int completeSteps(int kernels) {
        return 2 * kernels + 1;
    }

    /** Frames enough that no allocation of a chain of {@code kernels} kernels on {@code cpus} CPUs is refused. */
    public static int sufficientFrames(int kernels, int cpus) {
        return (kernels + 1) * (cpus + 1);
    }

    /**
     * The bounds for a request on a model: computed unless the request overrides them. Only a
     * shipped model's bounds can be complete: a user's model may add events the argument above
     * does not cover.
     */
    public static Bounds forRequest(ModelSource source, CheckRequest request) {
        int n = request.chainLength();
        int c = request.cpus();
        int steps = request.steps().orElse(completeSteps(n));
        int frames = request.frames().orElse(sufficientFrames(n, c));
        boolean complete = source.isShipped() && steps >= completeSteps(n) && frames >= sufficientFrames(n, c);
        return new Bounds(n, c, frames, steps, complete);
    }
}
