package kexeccheck.cli;

import java.util.Optional;

/**
 * What a check is expected to cost, from the measured scaling of docs/performance.md ("Scaling": a
 * four-profile population with every option open, on the 2-core reference machine), so that a
 * chain the bounds do not comfortably hold is announced before minutes go by in silence.
 */
final class ChainCost {

    /** Median wall seconds by kernels in the chain, with 2 CPUs (index 2 to 6). */
    private static final double[] MEASURED_SECONDS = {0, 0, 3.9, 7.5, 15.9, 33.8, 85.4};

    /** Beyond the measurements, each kernel more multiplies the time by what the last one did (85.4 / 33.8). */
    private static final double PER_KERNEL_BEYOND = 2.5;

    /** A check expected to take longer than this is announced. */
    static final double WARN_SECONDS = 30;

    private ChainCost() {}

    /** The expected wall seconds of a check over chains of {@code kernels} with {@code cpus} CPUs. */
    static double expectedSeconds(int kernels, int cpus) {
        int k = Math.max(2, kernels);
        double seconds = k < MEASURED_SECONDS.length ? MEASURED_SECONDS[k]
                : MEASURED_SECONDS[MEASURED_SECONDS.length - 1]
                        * Math.pow(PER_KERNEL_BEYOND, k - (MEASURED_SECONDS.length - 1));
        return seconds * cpuFactor(cpus);
    }

    /** How the time grows with the CPUs, measured at 2 kernels: 1, 2, 4 and 8 CPUs took 2.3, 3.9, 7.3, 22.3 s. */
    private static double cpuFactor(int cpus) {
        if (cpus <= 1) return 0.6;
        if (cpus <= 2) return 1;
        if (cpus <= 4) return 1.9;
        if (cpus <= 8) return 5.7;
        return 5.7 * Math.pow(3, Math.log((double) cpus / 8) / Math.log(2));
    }

    /** The warning to print before a check this long, if it is expected to take more than {@link #WARN_SECONDS}. */
    static Optional<String> warning(int kernels, int cpus) {
        double seconds = expectedSeconds(kernels, cpus);
        if (seconds < WARN_SECONDS) {
            return Optional.empty();
        }
        return Optional.of("chains of " + kernels + " kernels with " + cpus + " CPUs: expect up to " + duration(seconds)
                + " (measured on 2 cores with every option open, docs/performance.md 'Scaling'; each kernel more"
                + " costs about 2-2.5x; --chain, narrower options or --no-proof take less)");
    }

    private static String duration(double seconds) {
        return seconds < 120 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
    }
}
