package kexeccheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind of report ships a schema that names that kind and the version the reports write. */
class ReportKindTest {

    @ParameterizedTest
    @EnumSource(ReportKind.class)
    void theSchemaNamesItsKindAndTheCurrentVersion(ReportKind kind) throws IOException {
        JsonNode schema;
        try (InputStream in = ReportKind.class.getResourceAsStream(kind.schemaResource())) {
            schema = TraceJson.mapper().readTree(in);
        }
        assertEquals(kind.kind(), schema.at("/properties/report/const").asText());
        assertEquals(ReportKind.SCHEMA_VERSION, schema.at("/properties/schemaVersion/const").asInt());
        assertEquals(kind, ReportKind.of(kind.kind()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(ReportKind.class)
    void aRootWithoutItsBodyIsRefused(ReportKind kind) {
        // the root every report starts with is not a report yet: each schema requires its body
        ObjectNode root = JsonRoot.of(kind);
        assertFalse(kind.schema().problems(root).isEmpty(), kind.kind());
    }
}
