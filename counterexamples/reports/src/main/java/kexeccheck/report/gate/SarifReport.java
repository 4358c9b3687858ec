package kexeccheck.report.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kexeccheck.checker.ModelSource;
import kexeccheck.models.ShippedModels;
import kexeccheck.report.JsonRoot;
import kexeccheck.report.Version;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
import kexeccheck.trace.TraceNarrator;

/**
 * The gate as SARIF 2.1.0, for code-scanning UIs: one rule per property, one result per violation,
 * located at the property's {@code pred} in its {@code .als} file, with the configuration in the message,
 * the counterexample as a code flow (one thread-flow location per state, at the event's {@code pred},
 * its message the state's explanation) and the {@link Fingerprint} as a partial fingerprint. A violation
 * the baseline accepts is reported with an external suppression, so it shows as accepted, not as new.
 *
 * <p>A small writer of our own over Jackson: the one SARIF object library on Maven Central is a single
 * release pinned to an older Jackson. Tests validate the output against the OASIS schema.
 */
public final class SarifReport {

    /** The OASIS schema the output follows. */
    static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The key of the gate's fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "kexecCheckViolation/v1";

    private static final Pattern STATE_LINE = Pattern.compile("^\\s{0,2}\\d+  ");
    private static final Pattern SOURCE = Pattern.compile("^(.*):(\\d+)$");

    private SarifReport() {}

    /** A place in a model source: the URI SARIF names and a line. */
    record Place(String uri, int line) {}

    /** The gate as SARIF 2.1.0: one result per violation, suppressed when the baseline accepts it. */
    public static String render(GateResult result) {
        ObjectNode root = TraceJson.mapper().createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kexec-check");
        driver.put("version", Version.current());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        Map<String, String> shipped = ShippedModels.sources();

        ArrayNode results = run.putArray("results");
        for (GateResult.CheckResult c : result.checks()) {
            for (GateResult.Violation v : c.violations()) {
                String ruleId = v.property().name();
                Integer index = ruleIndex.get(ruleId);
                if (index == null) {
                    index = ruleIndex.size();
                    ruleIndex.put(ruleId, index);
                    ObjectNode rule = rules.addObject();
                    rule.put("id", ruleId);
                    rule.putObject("shortDescription").put("text", "kexec-check property " + ruleId
                            + ": a violation means " + v.property().violationMeans().cliName());
                    rule.putObject("defaultConfiguration").put("level", "error");
                    rule.putObject("properties").put("outcome", v.property().violationMeans().cliName());
                }
                ObjectNode r = results.addObject();
                r.put("ruleId", ruleId);
                r.put("ruleIndex", index);
                r.put("level", "error");
                r.putObject("message").put("text", message(c, v));
                Place at = place(v.property().source());
                r.putArray("locations").add(location(at, null));
                r.putObject("partialFingerprints").put(FINGERPRINT_KEY, v.fingerprint().id());
                r.put("baselineState", v.isNew() ? "new" : "unchanged");
                if (!v.isNew()) {
                    ObjectNode suppression = r.putArray("suppressions").addObject();
                    suppression.put("kind", "external");
                    suppression.put("justification", "accepted in the baseline " + result.baselineFile());
                }
                r.putArray("codeFlows").add(codeFlow(v.trace(), at, shipped));
                ObjectNode props = r.putObject("properties");
                props.put("check", c.check().name());
                props.put("model", c.check().model());
                props.put("outcome", v.property().violationMeans().cliName());
                props.put("summary", v.fingerprint().summary());
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        return JsonRoot.write(root, "the SARIF report");
    }

    private static String message(GateResult.CheckResult c, GateResult.Violation v) {
        Configuration config = v.trace().configuration();
        return (v.isNew() ? "New violation: " : "Accepted violation: ") + v.property().name() + " fails ("
                + v.property().violationMeans().cliName() + ") in check '" + c.check().name() + "', model "
                + c.check().model() + ", configuration " + config.options().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
                + ", chain " + config.chain().stream().map(k -> k.name() + " " + k.profile() + " (" + k.entry() + ")")
                        .collect(Collectors.joining(" -> "))
                + ", " + c.report().bounds().describe() + ". Explored: " + c.report().explored().entrySet().stream()
                        .map(e -> e.getKey() + "=" + String.join(",", e.getValue())).collect(Collectors.joining(" "))
                + ". Fingerprint " + v.fingerprint().id() + ".";
    }

    private static ObjectNode codeFlow(Trace trace, Place property, Map<String, String> shipped) {
        ObjectNode flow = TraceJson.mapper().createObjectNode();
        flow.putObject("message").put("text", "counterexample for " + trace.property() + ": "
                + trace.violationState() + " steps from power-on");
        ArrayNode locations = flow.putArray("threadFlows").addObject().putArray("locations");
        List<String> explanations = perState(trace);
        for (State s : trace.states().subList(0, trace.violationState() + 1)) {
            Place at = eventPlace(s.event(), shipped);
            ObjectNode tfl = locations.addObject();
            tfl.set("location", location(at == null ? property : at, explanations.get(s.index())));
            tfl.put("executionOrder", s.index());
            if (s.index() == trace.violationState()) {
                tfl.put("importance", "essential");
            }
        }
        return flow;
    }

    /** The narrator's explanation, cut into one text per state (the failure line goes with the last). */
    static List<String> perState(Trace trace) {
        List<String> states = new ArrayList<>();
        StringBuilder current = null;
        for (String line : TraceNarrator.explain(trace)) {
            if (STATE_LINE.matcher(line).find()) {
                if (current != null) {
                    states.add(current.toString());
                }
                current = new StringBuilder(line.strip());
            } else if (current != null) {
                current.append('\n').append(line.strip());
            }
        }
        if (current != null) {
            states.add(current.toString());
        }
        return states;
    }

    private static ObjectNode location(Place at, String text) {
        ObjectNode location = TraceJson.mapper().createObjectNode();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", at.uri());
        ObjectNode region = physical.putObject("region");
        region.put("startLine", at.line());
        region.put("startColumn", 1);
        if (text != null) {
            location.putObject("message").put("text", text);
        }
        return location;
    }

    /** Where an event is defined: its {@code pred} in the shipped modules ({@code boot-gic} is {@code bootGic}). */
    private static Place eventPlace(String event, Map<String, String> shipped) {
        String pred = event == null ? "coldBoot" : camel(event);
        Pattern declaration = Pattern.compile("(?m)^pred\\s+" + Pattern.quote(pred) + "\\b");
        for (Map.Entry<String, String> source : shipped.entrySet()) {
            Matcher m = declaration.matcher(source.getValue());
            if (m.find()) {
                int line = 1 + (int) source.getValue().substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                return new Place(ModelSource.IN_REPOSITORY + source.getKey(), line);
            }
        }
        return null;
    }

    /**
     * The place a property's {@code source} names: a shipped module by its path in kexec-check's
     * repository, as the checker gives it; a user's file relative to the working directory when inside it.
     */
    static Place place(String source) {
        Matcher m = SOURCE.matcher(Objects.requireNonNullElse(source, ""));
        String path = m.matches() ? m.group(1) : source;
        int line = m.matches() ? Integer.parseInt(m.group(2)) : 1;
        if (path.startsWith(ModelSource.IN_REPOSITORY)) {
            return new Place(path, line);
        }
        Path file = Path.of(path);
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(cwd)) {
            return new Place(cwd.relativize(absolute).toString().replace('\\', '/'), line);
        }
        return new Place(absolute.toUri().toString(), line);
    }

    private static String camel(String kebab) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char ch : kebab.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return s.toString();
    }
}
