package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.checker.ModelDescription;
import kexeccheck.trace.ConfigurationOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assumptions register of docs/fidelity.md: every dimension a verdict could hang on is an option
 * explored by default, a profile's capability, justified from a source, or openly named as not covered
 * (with the issue that tracks it); every option of the CLI has its row.
 */
class AssumptionsRegisterTest {

    private static final Path FIDELITY = Path.of("../docs/fidelity.md");
    /** A citation: a source file, a function, a commit hash or the architecture. */
    private static final Pattern SOURCE = Pattern.compile(
            "[\\w./-]+\\.(c|h|als|java)\\b|\\w+\\(\\)|\\b[0-9a-f]{12}\\b|GICv3 architecture|Kconfig|kexec-tools");

    /** One row: dimension, what a real system can have, status, source. */
    record Row(String dimension, String real, String status, String source) {}

    private static List<Row> rows;

    @BeforeAll
    static void read() throws IOException {
        rows = new ArrayList<>();
        boolean inRegister = false;
        for (String line : Files.readAllLines(FIDELITY)) {
            if (line.startsWith("## ")) inRegister = line.equals("## Assumptions register");
            if (!inRegister || !line.startsWith("| ") || line.startsWith("| dimension ")) continue;
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
            assertEquals(4, cells.length, "a register row has four cells: " + line);
            rows.add(new Row(cells[0], cells[1], cells[2], cells[3]));
        }
        assertFalse(rows.isEmpty(), "docs/fidelity.md has an assumptions register");
    }

    @Test
    void everyRowIsAnOptionAProfileJustifiedOrOpenlyNotCovered() {
        for (Row r : rows) {
            assertTrue(r.status().matches("(option|profile|justified|open)\\b.*"), r.dimension() + ": " + r.status());
            if (r.status().startsWith("open")) {
                assertTrue(r.status().matches("open \\(issue \\d+\\): .+"),
                        r.dimension() + ": an open dimension names its issue and what a verdict misses");
            }
        }
    }

    @Test
    void everyRowCitesASource() {
        for (Row r : rows) {
            assertTrue(SOURCE.matcher(r.source()).find(), r.dimension() + " cites no source: " + r.source());
            assertFalse(r.real().isBlank(), r.dimension());
        }
    }

    @Test
    void everyOptionOfTheCliHasARowAndEveryOptionRowIsAnOption() {
        Set<String> named = new TreeSet<>();
        Pattern option = Pattern.compile("^option `--([a-z-]+)");
        for (Row r : rows) {
            Matcher m = option.matcher(r.status());
            if (m.find()) named.add(m.group(1));
        }
        assertEquals(new TreeSet<>(ConfigurationOption.names()), named,
                "the register's option rows and ConfigurationOption");
    }

    @Test
    void everyProfileRowNamesACapabilityOfTheShippedModels() {
        Set<String> capabilities = new TreeSet<>(ModelDescription.of("kho-lpi-tables").capabilities());
        capabilities.addAll(ModelDescription.of("dt-memory-region-v1").capabilities());
        Pattern capability = Pattern.compile("^profile: `([a-z0-9_]+)`");
        for (Row r : rows) {
            Matcher m = capability.matcher(r.status());
            if (m.find()) {
                assertTrue(capabilities.contains(m.group(1).replace('_', '-')),
                        r.dimension() + ": no capability " + m.group(1) + " in " + capabilities);
            }
        }
    }
}
