package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import kexeccheck.trace.TraceJson;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Checks the gate's report files against their schemas (see src/test/resources/schemas/README.md). */
final class GateReports {

    private static final JsonSchema SARIF = loadSarifSchema();
    private static final Schema JUNIT = loadJUnitSchema();

    private GateReports() {}

    private static JsonSchema loadSarifSchema() {
        try (InputStream in = GateReports.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema is missing from the test resources");
            JsonNode schema = TraceJson.mapper().readTree(in);
            assertEquals("http://json-schema.org/draft-07/schema#", schema.get("$schema").asText());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema loadJUnitSchema() {
        try (InputStream in = GateReports.class.getResourceAsStream("/schemas/junit-10.xsd")) {
            assertNotNull(in, "the JUnit schema is missing from the test resources");
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the schema is self-contained: nothing may be fetched while it is read
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(in, "junit-10.xsd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("junit-10.xsd is not a W3C XML Schema", e);
        }
    }

    /** Every way the SARIF document departs from the OASIS 2.1.0 schema; empty when valid. */
    static List<String> sarifProblems(JsonNode sarif) {
        return SARIF.validate(sarif).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Every way the XML document departs from the Ant/Jenkins {@code junit-10.xsd} (W3C XML Schema);
     * empty when valid. A document that is not well-formed XML is one problem.
     */
    static List<String> junitProblems(Source xml) {
        List<String> problems = new ArrayList<>();
        Validator v = JUNIT.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // collect every error, not only the first, so a failing test shows them all
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            v.validate(xml);
        } catch (SAXParseException e) {
            problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        } catch (SAXException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** {@link #junitProblems(Source)} of a file. */
    static List<String> junitProblems(Path file) {
        return junitProblems(new StreamSource(file.toFile()));
    }

    /**
     * Validates a JUnit XML file against {@code junit-10.xsd}, then checks what the gate promises beyond
     * the schema (which leaves these optional): every {@code testsuite} has a {@code name}, every
     * {@code testcase} a {@code classname} and at most one {@code failure}, which has a {@code message} and
     * a {@code type}, and each level's {@code tests} and {@code failures} agree with the test cases.
     * Returns the test cases.
     */
    static List<Element> junitTestcases(Path file) throws Exception {
        assertEquals(List.of(), junitProblems(file), file + " is not valid against junit-10.xsd");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        List<Element> cases = new ArrayList<>();
        int failures = 0;
        for (Element suite : children(root, "testsuite")) {
            assertTrue(suite.hasAttribute("name"), "testsuite without name");
            List<Element> suiteCases = children(suite, "testcase");
            int suiteFailures = 0;
            for (Element testcase : suiteCases) {
                assertTrue(testcase.hasAttribute("classname"), "testcase without classname");
                List<Element> fails = children(testcase, "failure");
                assertTrue(fails.size() <= 1);
                for (Element failure : fails) {
                    assertTrue(failure.hasAttribute("message") && failure.hasAttribute("type"));
                }
                suiteFailures += fails.size();
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
