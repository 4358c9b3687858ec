package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line on stderr naming the input and the problem, exit code 2, and no output. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLineAndExit2(CliRun run, String... mustMention) {
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("kexec-check: "), run.err());
        for (String s : mustMention) {
            assertTrue(run.err().contains(s), "'" + s + "' not in: " + run.err());
        }
    }

    @Test
    void unknownProfile() {
        assertOneLineAndExit2(CliRun.of("check", "--chain", "linux-9.9,linux-6.1"), "linux-9.9", "upstream", "linux-6.1");
    }

    @Test
    void profileOfAnotherProposal() {
        assertOneLineAndExit2(CliRun.of("check", "--chain", "linux-5.3+dt-v1,linux-4.19"), "linux-5.3+dt-v1", "upstream");
    }

    @Test
    void unknownOptionValue() {
        assertOneLineAndExit2(CliRun.of("check", "--firmware", "uefi"), "--firmware", "uefi", "dt-preprogrammed");
    }

    @Test
    void unknownModel() {
        assertOneLineAndExit2(CliRun.of("check", "-m", "kho"), "kho", "dt-memory-region-v1");
    }

    @Test
    void unknownProperty() {
        assertOneLineAndExit2(CliRun.of("check", "--chain", "linux-6.1", "--property", "no-leak"), "no-leak", "no-stray-write");
    }

    @Test
    void unknownCommandLineOption() {
        assertOneLineAndExit2(CliRun.of("check", "--firmwares", "efi"), "--firmwares");
    }

    @Test
    void chainAndPopulationTogether() {
        assertOneLineAndExit2(CliRun.of("check", "--chain", "linux-6.1", "--population", "linux-4.19"), "--chain", "--population");
    }

    @Test
    void inconsistentOptions() {
        assertOneLineAndExit2(CliRun.of("check", "--chain", "linux-6.1,kdump-6.1", "--kexec", "normal"), "inconsistent");
    }

    @Test
    void modelThatDoesNotParseNamesFileLineAndColumn() throws Exception {
        Path model = dir.resolve("broken.als");
        Files.writeString(model, "module broken\nopen kexec/core\n\npred init { coldBoot and }\n");
        assertOneLineAndExit2(CliRun.of("check", "-m", model.toString()), model.toString() + ":4:");
    }

    @Test
    void modelThatDoesNotTypeCheck() throws Exception {
        Path model = dir.resolve("typo.als");
        Files.writeString(model, "module typo\nopen kexec/core\nopen kexec/profiles\nopen kexec/properties\n"
                + "pred init { coldBot }\npred step { otherEvents }\n");
        assertOneLineAndExit2(CliRun.of("check", "-m", model.toString()), model.toString() + ":5:", "coldBot");
    }

    @Test
    void unreadableModelFile() {
        assertOneLineAndExit2(CliRun.of("check", "-m", dir.resolve("missing.als").toString()), "missing.als", "cannot read");
    }

    @Test
    void nothingIsWrittenForBadInput() {
        Path out = dir.resolve("traces");
        CliRun run = CliRun.of("check", "--chain", "linux-0", "--out", out.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertFalse(Files.exists(out));
    }
}
