package kexeccheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.Condition;
import kexeccheck.trace.ConfigurationOption;
import org.junit.jupiter.api.Test;

/** Every value of every option the CLI knows reads in words; a model's own value keeps its name. */
class OptionWordsTest {

    @Test
    void everyValueOfEveryOptionHasAPhrase() {
        List<String> missing = new ArrayList<>();
        ConfigurationOption.valuesByName().forEach((option, values) -> values.stream()
                .filter(v -> !OptionWords.known(option, v)).forEach(v -> missing.add(option + "=" + v)));
        assertEquals(List.of(), missing, "add a phrase to OptionWords for each");
    }

    @Test
    void termsLiteralsAndAlternativesReadAsOrAndOr() {
        Condition c = new Condition(List.of(
                new Condition.Term(Map.of("loader", List.of("ignores-reserved"))),
                new Condition.Term(Map.of("hardware", List.of("sticky", "clearable")))), true);
        assertEquals("the loader ignores reserved ranges, or if EnableLPIs stays set once set or EnableLPIs can be"
                + " cleared", OptionWords.describe(c));
        assertEquals("colour=blue", OptionWords.phrase("colour", "blue"));
        assertTrue(OptionWords.describe(new Condition(List.of(), true)).isEmpty(), "never is said by the caller");
    }
}
