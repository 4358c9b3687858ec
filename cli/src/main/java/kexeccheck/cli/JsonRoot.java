package kexeccheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.TraceJson;

/** The fields every JSON report starts with, so that each names the tool, its version and what it covered. */
final class JsonRoot {

    private JsonRoot() {}

    /** A report's root object: tool, version and model. */
    static ObjectNode of(String model) {
        ObjectNode root = TraceJson.mapper().createObjectNode();
        root.put("tool", "kexec-check");
        root.put("version", Version.current());
        root.put("model", model);
        return root;
    }

    /** Adds {@code name}: each option with its values, in the map's order. */
    static void putOptions(ObjectNode root, String name, Map<String, List<String>> options) {
        ObjectNode object = root.putObject(name);
        options.forEach((option, values) -> putStrings(object, option, values));
    }

    /** Adds {@code name}: an array of strings. */
    static void putStrings(ObjectNode root, String name, List<String> values) {
        ArrayNode array = root.putArray(name);
        values.forEach(array::add);
    }
}
