package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import kexeccheck.checker.Names;
import kexeccheck.report.gate.Baseline;
import kexeccheck.report.gate.SarifReport;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The example configuration of the repository ({@code examples/kexec-check.yml}, public scenarios),
 * run as CI runs it: given its committed baseline, when gated, then nothing is new, and the JUnit and
 * SARIF files are valid and say what was found. The baseline was written by an earlier run, so a pass
 * also shows that fingerprints are stable from one run (and one build) to the next.
 */
class GateExampleTest {

    /** Tests run in the cli module's folder; the example lives at the repository's top. */
    static final Path REPOSITORY = Path.of("..");
    static final Path CONFIG = REPOSITORY.resolve("examples/kexec-check.yml");
    static final Path BASELINE = REPOSITORY.resolve("examples/kexec-check.baseline.json");

    @TempDir
    static Path dir;

    static CliRun run;
    static JsonNode sarif;
    static String baselineBefore;

    @BeforeAll
    static void gateTheExample() throws Exception {
        baselineBefore = Files.readString(BASELINE);
        run = CliRun.of("gate", "--config", CONFIG.toString(), "--junit", dir.resolve("reports/junit.xml").toString(),
                "--sarif", dir.resolve("reports/kexec-check.sarif").toString(), "--no-timing");
        sarif = TraceJson.mapper().readTree(dir.resolve("reports/kexec-check.sarif").toFile());
    }

    @Test
    void nothingIsNewSoTheGatePasses() throws Exception {
        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("gate: passed (0 new violations, 0 changed outcomes)"), run.out());
        for (String check : List.of("nolpi-workaround", "no-efi-sticky-breaks", "seed-objection-found",
                "gicv2-not-applicable")) {
            assertTrue(run.out().contains("  ok    " + check), check + " not ok in:\n" + run.out());
        }
        assertEquals(baselineBefore, Files.readString(BASELINE), "the gate rewrote the baseline unasked");
    }

    @Test
    void everyViolationFoundIsTheOneTheBaselineAccepts() {
        Set<String> found = new TreeSet<>();
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            found.add(r.get("partialFingerprints").get(SarifReport.FINGERPRINT_KEY).asText());
        }
        assertEquals(new TreeSet<>(Baseline.read(BASELINE).fingerprints()), found);
    }

    @Test
    void theSarifFileIsValidSarif210() {
        assertEquals(List.of(), GateReports.sarifProblems(sarif));
        assertEquals("2.1.0", sarif.get("version").asText());
    }

    @Test
    void eachSarifResultIsAViolationAtItsPropertyWithTheConfigurationAndTheTraceAsACodeFlow() throws Exception {
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals(4, results.size(), "two violated properties in each of two checks");
        for (JsonNode r : results) {
            String property = r.get("ruleId").asText();
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            String uri = physical.get("artifactLocation").get("uri").asText();
            assertEquals("models/src/main/resources/kexec-check/models/kexec/properties.als", uri);
            int line = physical.get("region").get("startLine").asInt();
            assertEquals(1, physical.get("region").get("startColumn").asInt());
            String declared = Files.readAllLines(REPOSITORY.resolve(uri)).get(line - 1);
            assertTrue(declared.startsWith("pred ") && Names.kebab(declared.split("\\s+")[1]).equals(property),
                    property + " is not declared at " + uri + ":" + line + " but: " + declared);

            String message = r.get("message").get("text").asText();
            assertTrue(message.contains("configuration firmware=dt"), message);
            assertTrue(message.contains("hardware=sticky"), message);
            assertTrue(message.contains("K1 ") && message.contains(" -> K2 "), message);
            assertEquals("unchanged", r.get("baselineState").asText());
            assertEquals("external", r.get("suppressions").get(0).get("kind").asText());

            JsonNode steps = r.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
            assertTrue(steps.size() >= 3, "a counterexample has a cold boot, a kexec and a failure");
            assertTrue(steps.get(0).get("location").get("message").get("text").asText().startsWith("0  power-on"));
            String last = steps.get(steps.size() - 1).get("location").get("message").get("text").asText();
            assertTrue(last.contains("!!  " + property + " fails here"), last);
            for (JsonNode step : steps) {
                String stepUri = step.get("location").get("physicalLocation").get("artifactLocation").get("uri").asText();
                assertTrue(Files.exists(REPOSITORY.resolve(stepUri)), stepUri);
            }
        }
    }

    @Test
    void theJUnitFileHasOnePassingTestcasePerCheck() throws Exception {
        List<Element> cases = GateReports.junitTestcases(dir.resolve("reports/junit.xml"));
        assertEquals(List.of("nolpi-workaround", "no-efi-sticky-breaks", "seed-objection-found", "gicv2-not-applicable"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        for (Element c : cases) {
            assertEquals(List.of(), GateReports.children(c, "failure"), c.getAttribute("name"));
            assertTrue(!c.hasAttribute("time"), "--no-timing leaves times out");
        }
    }

    @Test
    void theJUnitFileIsValidAgainstJunit10Xsd() {
        assertEquals(List.of(), GateReports.junitProblems(dir.resolve("reports/junit.xml")));
    }

    /** The validation can fail: the gate's own file, broken in one place, is rejected for that place. */
    @Test
    void theSchemaRejectsTheJUnitFileBrokenInOnePlace() throws Exception {
        assertRejected(doc -> firstTestcase(doc).removeAttribute("name"), "'name'");
        assertRejected(doc -> firstTestcase(doc).appendChild(doc.createElement("verdict")), "'verdict'");
        assertRejected(doc -> ((Element) doc.getElementsByTagName("testsuite").item(0)).removeAttribute("tests"),
                "'tests'");
    }

    private static Element firstTestcase(Document doc) {
        return (Element) doc.getElementsByTagName("testcase").item(0);
    }

    private static void assertRejected(Consumer<Document> breakIt, String named) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(dir.resolve("reports/junit.xml").toFile());
        breakIt.accept(doc);
        StringWriter xml = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(xml));

        List<String> problems = GateReports.junitProblems(new StreamSource(new StringReader(xml.toString())));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(named), problems.toString());
    }
}
