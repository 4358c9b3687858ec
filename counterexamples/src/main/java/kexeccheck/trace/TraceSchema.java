package kexeccheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schema of the trace format ({@code kexec-check/trace.schema.json}, draft 2020-12). */
public final class TraceSchema {

    /** Classpath location of the schema. */
    public static final String RESOURCE = "/kexec-check/trace.schema.json";

    private static final JsonSchema SCHEMA = load();

    private TraceSchema() {}

    private static JsonSchema load() {
        try (InputStream in = TraceSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the trace schema " + RESOURCE + " is missing from the classpath");
            }
            JsonNode schema = TraceJson.mapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the document departs from the schema, as one line each; empty when valid. */
    public static List<String> problems(JsonNode document) {
        return SCHEMA.validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
