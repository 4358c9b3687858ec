package kexeccheck.cli;

import java.util.List;
import kexeccheck.checker.BadInputException;

/**
 * A list option or key as the user gave it: absent means "every value", but given and empty (or
 * with an empty item, as {@code --chain ,,} or {@code chain: []}) is refused, never read as absent,
 * or a request for one chain would silently widen to every chain.
 */
public final class GivenValues {

    private GivenValues() {}

    /**
     * @param name how the user wrote the option or key, for the message
     * @param values what was given, null when the option or key is absent
     * @return the values, empty when absent
     * @throws BadInputException when given but empty, or with an empty item
     */
    public static List<String> of(String name, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.isEmpty()) {
            throw new BadInputException(name + " names no value (leave it out for every value)");
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new BadInputException(name + " '" + String.join(",", values.stream().map(v -> v == null ? "" : v)
                    .toList()) + "' has an empty value");
        }
        return List.copyOf(values);
    }
}
