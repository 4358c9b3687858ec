package kexeccheck.report.gate;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import kexeccheck.report.ConditionsText;
import kexeccheck.report.Version;
import kexeccheck.trace.TraceNarrator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gate as JUnit XML (the Ant/Jenkins {@code junit-10.xsd} shape every CI reads): one
 * {@code testsuite} for the configuration, one {@code testcase} per check, and for a check that fails
 * the gate a {@code failure} whose message gives the outcome and the new fingerprints, with each new
 * counterexample explained in its text.
 */
public final class JUnitReport {

    private JUnitReport() {}

    /** The gate as JUnit XML: one test case per check, failed when the check fails the gate. */
    public static String render(GateResult result, boolean withTimes) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        int failures = (int) result.checks().stream().filter(GateResult.CheckResult::failed).count();
        String tests = String.valueOf(result.checks().size());
        double seconds = result.checks().stream().mapToLong(c -> c.report().wallMillis()).sum() / 1000.0;

        Element suites = doc.createElement("testsuites");
        suites.setAttribute("name", "kexec-check gate");
        suites.setAttribute("tests", tests);
        suites.setAttribute("failures", String.valueOf(failures));
        suites.setAttribute("errors", "0");
        if (withTimes) {
            suites.setAttribute("time", time(seconds));
        }
        doc.appendChild(suites);

        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", "kexec-check gate " + result.configFile());
        suite.setAttribute("tests", tests);
        suite.setAttribute("failures", String.valueOf(failures));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", "0");
        if (withTimes) {
            suite.setAttribute("time", time(seconds));
        }
        suites.appendChild(suite);

        Element properties = doc.createElement("properties");
        property(doc, properties, "kexec-check.version", Version.current());
        property(doc, properties, "baseline", result.baselineFile().toString());
        suite.appendChild(properties);

        for (GateResult.CheckResult c : result.checks()) {
            Element testcase = doc.createElement("testcase");
            testcase.setAttribute("classname", "kexec-check.gate." + c.check().model());
            testcase.setAttribute("name", c.check().name());
            if (withTimes) {
                testcase.setAttribute("time", time(c.report().wallMillis() / 1000.0));
            }
            if (c.failed()) {
                Element failure = doc.createElement("failure");
                failure.setAttribute("type", c.outcomeChanged() ? "changed-outcome"
                        : !c.newViolations().isEmpty() ? "new-violation" : "vacuous");
                failure.setAttribute("message", c.verdict());
                failure.setTextContent(String.join("\n", details(c)) + "\n");
                testcase.appendChild(failure);
            }
            Element out = doc.createElement("system-out");
            out.setTextContent(summary(c));
            testcase.appendChild(out);
            suite.appendChild(testcase);
        }
        return serialise(doc);
    }

    private static List<String> details(GateResult.CheckResult c) {
        List<String> lines = new ArrayList<>();
        lines.add(c.verdict());
        c.report().conditions().map(ConditionsText::render).filter(t -> !t.isEmpty())
                .ifPresent(t -> lines.addAll(t.stripTrailing().lines().toList()));
        for (GateResult.Violation v : c.newViolations()) {
            lines.add("");
            lines.add("new violation of " + v.property().name() + " (" + v.property().violationMeans().cliName()
                    + "), declared at " + v.property().source() + ", fingerprint " + v.fingerprint().id() + ":");
            TraceNarrator.explain(v.trace()).forEach(l -> lines.add("  " + l));
        }
        return lines;
    }

    private static String summary(GateResult.CheckResult c) {
        StringBuilder s = new StringBuilder();
        s.append("explored: ");
        c.report().explored().forEach((k, v) -> s.append(k).append('=').append(String.join(",", v)).append(' '));
        s.append("\nbounds: ").append(c.report().bounds().describe()).append('\n');
        for (var p : c.report().properties()) {
            String reach = p.reach(c.report().proof());
            s.append(p.name()).append(": ").append(p.status().cliName()).append(reach.isEmpty() ? "" : " " + reach)
                    .append('\n');
        }
        for (GateResult.Violation v : c.violations()) {
            s.append(v.isNew() ? "new " : "accepted ").append(v.fingerprint().id()).append(' ')
                    .append(v.property().name()).append(": ").append(v.fingerprint().summary()).append('\n');
        }
        return s.toString();
    }

    private static void property(Document doc, Element parent, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        parent.appendChild(p);
    }

    private static String time(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.3f", seconds);
    }

    private static String serialise(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            // the declaration is written by hand: the JDK's serialiser puts the root element on its line
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + w.toString().strip() + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("the JUnit report could not be written", e);
        }
    }
}
