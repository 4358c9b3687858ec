package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/writing-a-proposal.md runs as written: each {@code console} block is a bash script (its
 * {@code $ } lines) run from the repository's root with the real launcher, and the output it shows
 * must appear in that order ({@code ...} stands for lines left out); each {@code alloy} block is a
 * contiguous excerpt of the file its first line names.
 */
class TutorialIT {

    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(console|alloy)\\n(.*?)^```\\n");

    private static Path root() {
        return Path.of(System.getProperty("kexec-check.launcher")).toAbsolutePath().normalize().getParent();
    }

    private static String tutorial() throws IOException {
        return Files.readString(root().resolve("docs/writing-a-proposal.md"), StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyBlockOfTheTutorialIsWhatTheToolDoes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = BLOCK.matcher(tutorial());
        int n = 0;
        while (m.find()) {
            String kind = m.group(1);
            String body = m.group(2);
            String name = (++n) + ": " + body.lines().findFirst().orElse("");
            tests.add(DynamicTest.dynamicTest(name, kind.equals("console") ? () -> runs(body) : () -> excerpt(body)));
        }
        assertTrue(n >= 10, "the tutorial's blocks were not found");
        return tests.stream();
    }

    /** The block's commands, run in one bash, print what the block shows. */
    private static void runs(String block) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        boolean continued = false;
        for (String line : block.lines().toList()) {
            if (line.startsWith("$ ") || continued) {
                String command = continued ? line : line.substring(2);
                script.append(command).append('\n');
                continued = command.endsWith("\\");
            } else if (!line.equals("...")) {
                expected.add(line.stripTrailing());
            }
        }
        Path out = Files.createTempFile("tutorial-out", ".txt");
        Path err = Files.createTempFile("tutorial-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).directory(root().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("KEXEC_CHECK_CLASSPATH");
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "did not finish: " + script);
        List<String> actual = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::stripTrailing).toList();
        int at = 0;
        for (String want : expected) {
            int found = actual.subList(at, actual.size()).indexOf(want);
            assertFalse(found < 0, "not in the output (in order): " + want + "\n--- script\n" + script + "--- output\n"
                    + String.join("\n", actual) + "\n--- stderr\n" + Files.readString(err));
            at += found + 1;
        }
    }

    /** An alloy block: its first line names the file ({@code -- docs/tutorial/x.als}), the rest is in it as shown. */
    private static void excerpt(String block) throws IOException {
        List<String> lines = block.lines().toList();
        assertTrue(lines.get(0).startsWith("-- "), "an alloy block names its file first: " + lines.get(0));
        String file = Files.readString(root().resolve(lines.get(0).substring(3).strip()), StandardCharsets.UTF_8);
        String shown = String.join("\n", lines.subList(1, lines.size()));
        assertTrue(file.contains(shown), lines.get(0) + " does not contain, as shown:\n" + shown);
    }
}
