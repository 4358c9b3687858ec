package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import kexeccheck.trace.TraceJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Checks the gate's report files against their schemas (see src/test/resources/schemas/README.md). */
final class GateReports {

    private static final JsonSchema SARIF = loadSarifSchema();

    private GateReports() {}

    private static JsonSchema loadSarifSchema() {
        try (InputStream in = GateReports.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema is missing from the test resources");
            JsonNode schema = TraceJson.mapper().readTree(in);
            assertEquals("http://json-schema.org/draft-07/schema#", schema.get("$schema").asText());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every way the SARIF document departs from the OASIS 2.1.0 schema; empty when valid. */
    static List<String> sarifProblems(JsonNode sarif) {
        return SARIF.validate(sarif).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Parses a JUnit XML file and checks the {@code junit-10.xsd} shape: {@code testsuites} holding
     * {@code testsuite}s (name, tests, failures, errors) holding {@code testcase}s (name, classname) with at
     * most one {@code failure} (message, type); the counts must agree. Returns the test cases.
     */
    static List<Element> junitTestcases(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        List<Element> cases = new ArrayList<>();
        int failures = 0;
        for (Element suite : children(root, "testsuite")) {
            for (String a : List.of("name", "tests", "failures", "errors")) {
                assertTrue(suite.hasAttribute(a), "testsuite without " + a);
            }
            List<Element> suiteCases = new ArrayList<>();
            int suiteFailures = 0;
            for (Element child : children(suite, null)) {
                switch (child.getTagName()) {
                    case "properties" -> children(child, null).forEach(p -> {
                        assertEquals("property", p.getTagName());
                        assertTrue(p.hasAttribute("name") && p.hasAttribute("value"));
                    });
                    case "testcase" -> suiteCases.add(child);
                    default -> throw new AssertionError("unexpected element in testsuite: " + child.getTagName());
                }
            }
            for (Element testcase : suiteCases) {
                assertTrue(testcase.hasAttribute("name") && testcase.hasAttribute("classname"));
                List<Element> fails = children(testcase, "failure");
                assertTrue(fails.size() <= 1);
                for (Element failure : fails) {
                    assertTrue(failure.hasAttribute("message") && failure.hasAttribute("type"));
                }
                suiteFailures += fails.size();
                for (Element child : children(testcase, null)) {
                    assertTrue(List.of("failure", "system-out").contains(child.getTagName()), child.getTagName());
                }
            }
            assertEquals(suiteCases.size(), Integer.parseInt(suite.getAttribute("tests")));
            assertEquals(suiteFailures, Integer.parseInt(suite.getAttribute("failures")));
            cases.addAll(suiteCases);
            failures += suiteFailures;
        }
        assertEquals(cases.size(), Integer.parseInt(root.getAttribute("tests")));
        assertEquals(failures, Integer.parseInt(root.getAttribute("failures")));
        return cases;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }
}
