package kexeccheck.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.checker.CheckRequest;

/**
 * The two checks every benchmark is about, as {@link CheckRequest}s equal to
 * what the CLI builds from its options (model {@code upstream}, 2 CPUs,
 * bounds computed from the chain: 5 states, 9 frames).
 */
public final class Requests {

    private Requests() {}

    /**
     * {@code kexec-check check --chain linux-6.1,linux-6.1 --firmware efi --hardware sticky
     * --loader honours-reserved --devices active --property its-quiescent}: the property holds
     * (one UNSAT query, then the not-vacuous and outcome-witness queries).
     */
    public static final List<String> SAFE_ARGS = List.of("check", "--chain", "linux-6.1,linux-6.1",
            "--firmware", "efi", "--hardware", "sticky", "--loader", "honours-reserved", "--devices", "active",
            "--property", "its-quiescent");

    /**
     * {@code kexec-check check --chain linux-4.19,linux-4.19 --firmware efi --hardware sticky
     * --devices active --property no-stray-write}: violated (corruption), with a shortest counterexample.
     */
    public static final List<String> VIOLATED_ARGS = List.of("check", "--chain", "linux-4.19,linux-4.19",
            "--firmware", "efi", "--hardware", "sticky", "--devices", "active", "--property", "no-stray-write");

    /** The request of {@link #SAFE_ARGS}. */
    public static CheckRequest itsQuiescentHolds() {
        return request(List.of("linux-6.1", "linux-6.1"),
                Map.of("firmware", List.of("efi"), "loader", List.of("honours-reserved"),
                        "hardware", List.of("sticky"), "devices", List.of("active")),
                "its-quiescent");
    }

    /** The request of {@link #VIOLATED_ARGS}. */
    public static CheckRequest noStrayWriteViolated() {
        return request(List.of("linux-4.19", "linux-4.19"),
                Map.of("firmware", List.of("efi"), "hardware", List.of("sticky"), "devices", List.of("active")),
                "no-stray-write");
    }

    private static CheckRequest request(List<String> chain, Map<String, List<String>> options, String property) {
        // the CLI's order of options (ConfigurationOptions.values()), so the Alloy text is the same
        Map<String, List<String>> ordered = new java.util.LinkedHashMap<>();
        for (String o : kexeccheck.trace.ConfigurationOption.names()) {
            if (options.containsKey(o)) {
                ordered.put(o, options.get(o));
            }
        }
        return new CheckRequest("upstream", chain, List.of(), CheckRequest.DEFAULT_KERNELS, ordered,
                CheckRequest.DEFAULT_CPUS, Optional.empty(), Optional.empty(), List.of(property));
    }
}
