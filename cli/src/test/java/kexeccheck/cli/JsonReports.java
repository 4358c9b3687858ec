package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import kexeccheck.report.ReportKind;
import kexeccheck.trace.TraceJson;
import kexeccheck.trace.TraceSchema;

/** A JSON report held to its schema, with the check report and the traces it embeds held to theirs. */
final class JsonReports {

    private JsonReports() {}

    static JsonNode requireValid(String json) {
        JsonNode root;
        try {
            root = TraceJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("stdout starts like JSON but does not parse: " + e.getMessage());
        }
        ReportKind kind = ReportKind.of(root.path("report").asText())
                .orElseThrow(() -> new AssertionError("a JSON report without a known 'report' kind: " + root.path("report")));
        assertEquals(List.of(), kind.schema().problems(root), kind.kind() + " report against " + kind.schemaResource());
        if (root.has("check")) {
            assertEquals(List.of(), ReportKind.CHECK.schema().problems(root.get("check")), "the embedded check report");
        }
        // a trace inside any report follows trace.schema.json: the schemas above only require its shape
        root.findParents("violationState").forEach(t -> assertEquals(List.of(), TraceSchema.problems(t), "an embedded trace"));
        return root;
    }
}
