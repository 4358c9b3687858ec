package kexeccheck.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to check: a model, which chains of kernels, which configuration
 * option values, the bounds and the properties. An option left out (absent
 * from {@code options}) means every value the model allows.
 *
 * @param model a shipped proposal's name or a path to an {@code .als} file
 * @param chain an exact chain of profiles, the first booted by firmware; empty for a population
 * @param population the profiles any chain may draw from; empty means every profile
 * @param kernels the longest chain drawn from the population (ignored with a chain)
 * @param options configuration option (CLI name, e.g. {@code firmware}) to its allowed values
 * @param cpus the number of CPUs
 * @param frames the number of memory frames, or empty to compute it from the chain
 * @param steps the number of trace states, or empty to compute it from the chain
 * @param properties the properties to check by CLI name; empty means all
 */
public record CheckRequest(
        String model,
        List<String> chain,
        List<String> population,
        int kernels,
        Map<String, List<String>> options,
        int cpus,
        Optional<Integer> frames,
        Optional<Integer> steps,
        List<String> properties) {

    /** Chains of at most this many kernels when neither --chain nor --kernels says. */
    public static final int DEFAULT_KERNELS = 2;
    /** CPUs when --cpus is not given. */
    public static final int DEFAULT_CPUS = 2;

    public CheckRequest {
        chain = List.copyOf(chain);
        population = List.copyOf(population);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        properties = List.copyOf(properties);
        if (!chain.isEmpty() && !population.isEmpty()) {
            throw new BadInputException("--chain and --population exclude each other: give an exact chain or a set to draw from");
        }
        if (kernels < 1) {
            throw new BadInputException("--kernels must be at least 1, not " + kernels);
        }
        if (cpus < 1 || cpus > 8) {
            throw new BadInputException("--cpus must be between 1 and 8, not " + cpus);
        }
        frames.filter(f -> f < 1).ifPresent(f -> {
            throw new BadInputException("--frames must be at least 1, not " + f);
        });
        steps.filter(s -> s < 1).ifPresent(s -> {
            throw new BadInputException("--steps must be at least 1, not " + s);
        });
    }

    /** A request for the default model and every configuration. */
    public static CheckRequest defaults() {
        return new CheckRequest("upstream", List.of(), List.of(), DEFAULT_KERNELS, Map.of(), DEFAULT_CPUS,
                Optional.empty(), Optional.empty(), List.of());
    }

    /** The length of the chains explored. */
    public int chainLength() {
        return chain.isEmpty() ? kernels : chain.size();
    }
}
