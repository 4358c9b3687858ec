package kexeccheck.report.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kexeccheck.checker.BadInputException;

/**
 * The violations a project has accepted, by {@link Fingerprint}: the gate fails only on violations not
 * listed here. A JSON file, sorted, so that accepting a violation is a small reviewable diff.
 *
 * @param format {@link #FORMAT}
 * @param accepted the accepted violations
 */
public record Baseline(
        @JsonProperty(value = "format", required = true) String format,
        @JsonProperty(value = "accepted", required = true) List<Accepted> accepted) {

    /** The format this code reads and writes. */
    static final String FORMAT = "kexec-check-baseline/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Keeps the accepted violations sorted, so that a rewritten baseline diffs line by line. */
    public Baseline {
        accepted = accepted.stream()
                .sorted(Comparator.comparing(Accepted::check).thenComparing(Accepted::property)
                        .thenComparing(Accepted::fingerprint))
                .toList();
    }

    /**
     * One accepted violation. Only the fingerprint counts; the rest says to a reviewer what was accepted.
     *
     * @param fingerprint the violation's {@link Fingerprint#id()}
     * @param check the check that found it
     * @param model the model it was found in
     * @param property the violated property
     * @param summary the counterexample's chain and events
     */
    public record Accepted(
            @JsonProperty(value = "fingerprint", required = true) String fingerprint,
            @JsonProperty(value = "check", required = true) String check,
            @JsonProperty(value = "model", required = true) String model,
            @JsonProperty(value = "property", required = true) String property,
            @JsonProperty(value = "summary", required = true) String summary) {}

    /** The baseline with nothing accepted. */
    public static Baseline empty() {
        return new Baseline(FORMAT, List.of());
    }

    /** The accepted fingerprints. */
    public Set<String> fingerprints() {
        return accepted.stream().map(Accepted::fingerprint).collect(Collectors.toSet());
    }

    /**
     * Reads a baseline; a file that does not exist is an empty baseline.
     *
     * @throws BadInputException one line naming the file, for a file that cannot be read or is not a baseline
     */
    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the baseline (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Baseline baseline;
        try {
            baseline = JSON.readValue(text, Baseline.class);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new BadInputException(file + at + ": not a kexec-check baseline ("
                    + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " ") + ")");
        }
        if (baseline == null || !FORMAT.equals(baseline.format())) {
            throw new BadInputException(file + ": not a kexec-check baseline (its format must be '" + FORMAT + "')");
        }
        return baseline;
    }

    /** The file's text: indented JSON, entries sorted, ending in a newline. */
    public String text() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the baseline could not be written as JSON", e);
        }
    }
}
