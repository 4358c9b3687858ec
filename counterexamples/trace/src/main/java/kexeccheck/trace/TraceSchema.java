package kexeccheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The JSON Schema of the trace format ({@code kexec-check/trace.schema.json}, draft 2020-12). */
public final class TraceSchema {

    /** Classpath location of the schema. */
    public static final String RESOURCE = "/kexec-check/trace.schema.json";

    private static final JsonSchemaFile SCHEMA = JsonSchemaFile.load(RESOURCE);

    private TraceSchema() {}

    /** Every way the document departs from the schema, as one line each; empty when valid. */
    public static List<String> problems(JsonNode document) {
        return SCHEMA.problems(document);
    }
}
