package kexeccheck.report.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;

/**
 * The identity of a violation across runs: what the gate compares with its baseline.
 *
 * <p>It is the SHA-256 of a canonical text made only of things that stay the same when the solver
 * finds the same problem again:
 * <ul>
 *   <li>the model as the configuration names it;</li>
 *   <li>the configuration the check explores: its chain (in order) or population (sorted), its option
 *       values (each sorted; an option left out is written as every value the model allows) and its CPUs;</li>
 *   <li>the violated property;</li>
 *   <li>the counterexample's chain: each kernel's profile and how it was entered, in boot order;</li>
 *   <li>its events up to the violation, each with the kernel it happened under ({@code boot-gic@K1}),
 *       stutters left out.</li>
 * </ul>
 * Left out on purpose: frame numbers, CPU names of pending writes, where the loader put segments and the
 * option values the solver picked for options the check leaves open. The solver may choose any of
 * several equivalent frames or configurations for the same run, so none of that identifies it; the
 * sequence of events over the same chain does. The check's name is left out too, so renaming a check
 * does not turn accepted violations into new ones.
 *
 * @param id the SHA-256 of {@code canonical}, in hex
 * @param canonical the text hashed, one {@code key: value} line each
 * @param summary a short human-readable form: chain and events
 */
public record Fingerprint(String id, String canonical, String summary) {

    /** The first line of the canonical text: changes when what goes into a fingerprint changes. */
    static final String VERSION_LINE = "kexec-check violation fingerprint v1";

    /** The fingerprint of a counterexample found by a check. */
    public static Fingerprint of(String model, Map<String, List<String>> explored, int cpus, Trace trace) {
        List<String> lines = new ArrayList<>();
        lines.add(VERSION_LINE);
        lines.add("model: " + model);
        explored.forEach((option, values) -> {
            List<String> canonical = option.equals("chain") ? values : values.stream().sorted().toList();
            lines.add("explored " + option + ": " + String.join(",", canonical));
        });
        lines.add("cpus: " + cpus);
        lines.add("property: " + trace.property());
        String chain = chain(trace.configuration());
        String events = events(trace);
        lines.add("chain: " + chain);
        lines.add("events: " + events);
        String canonical = String.join("\n", lines) + "\n";
        return new Fingerprint(sha256(canonical), canonical, chain + ": " + events);
    }

    /** The first 12 hex digits, as reports print them. */
    public String shortId() {
        return id.substring(0, 12);
    }

    private static String chain(Configuration config) {
        return config.chain().stream().map(k -> k.profile() + " (" + k.entry() + ")")
                .collect(Collectors.joining(" -> "));
    }

    private static String events(Trace trace) {
        List<String> events = new ArrayList<>();
        for (State s : trace.states().subList(1, trace.violationState() + 1)) {
            String event = Objects.requireNonNullElse(s.event(), "?");
            if (!event.equals("stutter")) {
                events.add(event + "@" + s.kernel());
            }
        }
        return events.isEmpty() ? "(power-on)" : String.join(" ", events);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
