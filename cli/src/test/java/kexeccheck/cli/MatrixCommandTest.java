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
                "--no-timing", "--no-conditions", "--html", html.toString());
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
    void eachFailingCellSaysWhichConfigurationsOfTheOpenOptionsShowWhichClass() throws Exception {
        String[] scope = {"matrix", "--population", "linux-6.1,linux-6.1+nolpi", "--firmware", "efi", "--hardware",
            "sticky", "--reserved-memory", "map", "--dtb", "passthrough", "--syscall", "kexec-load",
            "--propbaser-sharing", "per-redistributor", "--devices", "active", "--page-size", "4k", "--no-timing"};
        CliRun text = CliRun.of(scope);
        assertEquals(KexecCheck.VIOLATED, text.exitCode(), text.err());
        assertTrue(text.out().contains("failing cells hang on: loader, kexec (of the options left open: loader, kexec;"
                + " 4 configurations per cell)"), text.out());
        assertTrue(text.out().contains("  efi/sticky linux-6.1 -> linux-6.1: C (")
                && text.out().contains("      corruption when loader=ignores-reserved and kexec=normal\n"
                        + "      safe when loader=honours-reserved, or kexec=crash\n"), text.out());

        Path html = dir.resolve("m.html");
        CliRun json = CliRun.of(CliRun.with(scope, "--format", "json", "--html", html.toString()));
        JsonNode root = TraceJson.mapper().readTree(json.out());
        assertEquals(List.of(), ReportKind.MATRIX.schema().problems(root));
        assertTrue(root.get("conditions").get("computed").asBoolean(), json.out());
        JsonNode cell = root.get("tables").get(0).get("cells").get(0);
        assertEquals("corruption", cell.get("conditions").get("classes").get(0).get("outcome").asText(), json.out());
        assertEquals("[\"loader\",\"kexec\"]", cell.get("conditions").get("deciding").toString());
        assertTrue(Files.readString(html).contains("title=\"corruption when loader=ignores-reserved and kexec=normal"),
                "the cell's link carries its conditions");

        CliRun limited = CliRun.of(CliRun.with(scope, "--conditions-limit", "1"));
        assertTrue(limited.out().contains("what the failing cells need was not computed: 2 failing cells x 4"
                + " configurations of the options left open (loader, kexec) make 8, more than --conditions-limit 1"),
                limited.out());
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
