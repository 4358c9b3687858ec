package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Alloy text of the configuration constraints a request adds to the
 * model: the CLI narrows the solver's choice of configuration atoms, it
 * never edits the model.
 */
final class QueryText {

    private QueryText() {}

    /**
     * The constraints of a request as one Alloy formula.
     *
     * @throws BadInputException for an unknown profile or option value
     */
    static String configuration(CheckRequest request, Vocabulary vocabulary, String modelName) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> option : request.options().entrySet()) {
            if (option.getValue().isEmpty()) {
                continue;
            }
            option.getValue().forEach(v -> vocabulary.requireValue(option.getKey(), v));
            String field = vocabulary.optionFields().get(option.getKey());
            parts.add("Config." + field + " in " + option.getValue().stream()
                    .map(Names::valueToAlloy).collect(Collectors.joining(" + ")));
        }
        if (!request.chain().isEmpty()) {
            parts.add(chain(request, vocabulary, modelName));
        } else if (!request.population().isEmpty()) {
            parts.add("Kernel.profile in " + request.population().stream()
                    .map(p -> vocabulary.profileAlloy(p, modelName)).collect(Collectors.joining(" + ")));
        }
        return parts.isEmpty() ? "some Config" : String.join(" and ", parts);
    }

    /** An exact chain: kernel i runs profile i; a crash kexec, if any, enters the last one. */
    private static String chain(CheckRequest request, Vocabulary vocabulary, String modelName) {
        List<String> profiles = request.chain();
        StringBuilder lets = new StringBuilder("let k1 = firstKernel");
        for (int i = 2; i <= profiles.size(); i++) {
            lets.append(", k").append(i).append(" = k").append(i - 1).append(".nextKernel");
        }
        List<String> body = new ArrayList<>();
        for (int i = 1; i <= profiles.size(); i++) {
            body.add("k" + i + ".profile = " + vocabulary.profileAlloy(profiles.get(i - 1), modelName));
        }
        for (int i = 2; i < profiles.size(); i++) {
            body.add("k" + i + ".entry = kexec_entry");
        }
        return "(" + lets + " | " + String.join(" and ", body) + ")";
    }

    /** Every run of the model within the configuration. */
    static String runs(String configuration) {
        return "init and (always step) and (" + configuration + ")";
    }
}
