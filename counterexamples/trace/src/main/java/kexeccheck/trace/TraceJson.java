package kexeccheck.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes traces as JSON in the format {@code trace.schema.json}
 * describes. Reading validates against the schema first, so a corrupt or
 * hand-edited trace is reported with the first thing wrong in it.
 */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TraceJson() {}

    /** The shared mapper, configured for deterministic, indented output. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The trace as a JSON tree. */
    public static JsonNode toTree(Trace trace) {
        return MAPPER.valueToTree(trace);
    }

    /** The trace as indented JSON text. */
    public static String write(Trace trace) {
        try {
            return MAPPER.writeValueAsString(trace) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trace could not be written as JSON", e);
        }
    }

    /**
     * Reads a trace file, validating it against the schema.
     *
     * @throws InvalidTraceException naming the file and the first problem found
     */
    public static Trace read(Path file) {
        return fromTree(readTree(file), file.toString());
    }

    /**
     * Reads a JSON file (a trace, a report) as a tree.
     *
     * @throws InvalidTraceException naming the file when it is missing, unreadable or not JSON
     */
    public static JsonNode readTree(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidTraceException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidTraceException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidTraceException(file + ": not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")");
        }
    }

    /**
     * Reads a trace from a JSON tree (a trace file's, or one embedded in a report), validating it
     * against the schema.
     *
     * @param where the file, or the place in a file, for the message
     * @throws InvalidTraceException naming {@code where} and the first problem found
     */
    public static Trace fromTree(JsonNode tree, String where) {
        JsonNode version = tree.get("schemaVersion");
        if (version != null && version.isInt() && version.asInt() < Trace.SCHEMA_VERSION) {
            throw new InvalidTraceException(where + ": trace format " + version.asInt() + ", written by an older"
                    + " kexec-check; this one reads format " + Trace.SCHEMA_VERSION + " (run check --out again)");
        }
        TraceSchema.problems(tree).stream().findFirst().ifPresent(p -> {
            throw new InvalidTraceException(where + ": not a kexec-check trace (" + p + ")");
        });
        try {
            return MAPPER.treeToValue(tree, Trace.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidTraceException(where + ": not a consistent trace (" + e.getMessage() + ")");
        }
    }
}
