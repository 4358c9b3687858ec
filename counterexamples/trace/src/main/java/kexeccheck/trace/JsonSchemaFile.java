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

/** A JSON Schema (draft 2020-12) kept on the classpath, and what a document breaks of it. */
public final class JsonSchemaFile {

    private final JsonSchema schema;

    private JsonSchemaFile(JsonSchema schema) {
        this.schema = schema;
    }

    /**
     * Loads a schema from the classpath.
     *
     * @throws IllegalStateException when the resource is missing (a packaging bug)
     */
    public static JsonSchemaFile load(String resource) {
        try (InputStream in = JsonSchemaFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the schema " + resource + " is missing from the classpath");
            }
            JsonNode schema = TraceJson.mapper().readTree(in);
            return new JsonSchemaFile(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the document departs from the schema, as one line each; empty when valid. */
    public List<String> problems(JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
