package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kexeccheck.report.MatrixReport;
import kexeccheck.report.ReportKind;
import kexeccheck.trace.TraceJson;
import kexeccheck.trace.TraceSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compatibility matrix over a small population, checked against the public scenarios' verdicts. */
class MatrixCommandTest {

    @TempDir
    Path dir;

    @Test
    void efiStickyMatrixAgreesWithThePublicScenarios() throws Exception {
        Path html = dir.resolve("matrix.html");
        CliRun run = CliRun.of("matrix", "--population", "linux-4.19,linux-6.1", "--firmware", "efi",
                "--hardware", "sticky", "--loader", "honours-reserved", "--devices", "active", "--format", "json",
                "--no-timing", "--html", html.toString());
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());

        assertEquals(List.of(), ReportKind.MATRIX.schema().problems(TraceJson.mapper().readTree(run.out())),
                "the report follows kexec-check/matrix.schema.json");
        JsonNode table = TraceJson.mapper().readTree(run.out()).get("tables").get(0);
        assertEquals("efi", table.get("firmware").asText());
        List<String> cells = new ArrayList<>();
        for (JsonNode c : table.get("cells")) {
            cells.add(c.get("from").asText() + ">" + c.get("to").asText() + "=" + c.get("outcome").asText());
            if (c.has("trace")) {
                assertEquals(List.of(), TraceSchema.problems(c.get("trace")));
            }
        }
        // pre-4.20-breaks, efi-new-to-old: corruption; efi-memreserve-works: safe
        assertEquals(List.of("linux-4.19>linux-4.19=corruption", "linux-4.19>linux-6.1=corruption",
                "linux-6.1>linux-4.19=corruption", "linux-6.1>linux-6.1=safe"), cells);

        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertEquals(3, page.split("<a href=\"#cell").length - 1, "a link per failing cell");
        assertTrue(page.contains("<h3 id=\"cell1\">"), page);
        // self-contained: nothing fetched from anywhere
        for (String external : List.of("<script", "<link", "src=\"http", "url(http", "@import")) {
            assertFalse(page.contains(external), external);
        }
    }

    @Test
    void textTableHasALegendAndMarksChainsThatCannotRun() {
        CliRun run = CliRun.of("matrix", "--population", "linux-6.1,kdump-6.1", "--firmware", "dt",
                "--hardware", "gicv2", "--no-timing");
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("  linux-6.1  NA         NA"), run.out());
        assertTrue(run.out().contains("  kdump-6.1  -          -"), run.out());
        assertTrue(run.out().contains("legend: C corruption"), run.out());
    }

    @Test
    void thePopulationIsRequired() {
        CliRun run = CliRun.of("matrix");
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--population"), run.err());
    }
}
