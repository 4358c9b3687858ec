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


    @Test
    void unknownProfile() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-9.9,linux-6.1"), "linux-9.9", "upstream", "linux-6.1");
    }

    @Test
    void profileOfAnotherProposal() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-5.3+dt-v1,linux-4.19"), "linux-5.3+dt-v1", "upstream");
    }

    @Test
    void unknownOptionValue() {
        assertBadInputOf(CliRun.of("check", "--firmware", "uefi"), "--firmware", "uefi", "dt-preprogrammed");
    }

    @Test
    void unknownModel() {
        assertBadInputOf(CliRun.of("check", "-m", "kho"), "kho", "dt-memory-region-v1");
    }

    @Test
    void unknownProperty() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1", "--property", "no-leak"), "no-leak", "no-stray-write");
    }

    @Test
    void unknownCommandLineOption() {
        assertBadInputOf(CliRun.of("check", "--firmwares", "efi"), "--firmwares");
    }

    @Test
    void shardThatIsNotIOfN() {
        assertBadInputOf(CliRun.of("matrix", "--population", "linux-6.1", "--shard", "3/2"), "--shard", "3/2");
        assertBadInputOf(CliRun.of("crosscheck", "--population", "linux-6.1", "--shard", "half"), "--shard", "half");
        assertBadInputOf(CliRun.of("matrix", "--population", "linux-6.1", "--jobs", "0"), "--jobs");
    }

    @Test
    void aChainGivenTwiceIsRefusedNotJoined() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--chain", "linux-4.19,linux-6.1"),
                "--chain given 2 times", "give one --chain");
    }

    @Test
    void anOptionGivenEmptyIsRefusedNotWidened() {
        assertBadInputOf(CliRun.of("check", "--chain", ",,"), "--chain", "names no value");
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1,,linux-6.1"), "--chain", "empty value");
        assertBadInputOf(CliRun.of("check", "--firmware", ","), "--firmware", "names no value");
        assertBadInputOf(CliRun.of("check", "--property", ","), "--property", "names no value");
        assertBadInputOf(CliRun.of("matrix", "--population", ","), "--population", "names no value");
        assertBadInputOf(CliRun.of("crosscheck", "--population", ",,"), "--population", "names no value");
    }

    @Test
    void aModelThatAdmitsNoRunIsVacuousNotSafe() throws Exception {
        Path model = Files.writeString(dir.resolve("vacuous.als"), "module vacuous\nopen kexec/core\nopen kexec/profiles\n"
                + "open kexec/properties\n\nfact contradiction { some k: Kernel | k.profile != k.profile }\n"
                + "pred init { coldBoot }\npred step { otherEvents or (bootGic and pageAllocator) }\n");
        assertBadInputOf(CliRun.of("check", "-m", model.toString(), "--chain", "linux-6.1,linux-6.1"),
                model.toString(), "admits no run at all");
        assertBadInputOf(CliRun.of("matrix", "-m", model.toString(), "--population", "linux-6.1", "--firmware", "efi",
                "--hardware", "sticky"), model.toString(), "admits no run at all");
    }

    @Test
    void boundsBeyondTheTranslatorOrTooSmallToRunAKexec() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--hardware", "gicv2", "--frames",
                "1000000", "--no-proof"), "1000000 frames", "more than Alloy's translator can represent");
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--hardware", "gicv2", "--steps", "1",
                "--no-proof"), "no run fits in the bounds given", "needs up to 5 states");
    }

    @Test
    void boundsThatLeaveOutTheRunsOfSomeOptionValuesAreRefusedNamingThem() {
        // only the GICv2 runs fit in one frame: no verdict may stand for the sticky and clearable ones
        assertBadInputOf(CliRun.of("check", "--frames", "1", "--chain", "linux-6.1,linux-6.1", "--no-proof"),
                "1 frames", "hardware=sticky", "hardware=clearable", "9 frames");
    }

    @Test
    void kernelsBesideAChainOfAnotherLength() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--kernels", "5"), "--kernels 5",
                "--chain of 2");
    }

    @Test
    void aGateCheckWithAnEmptyChain() throws Exception {
        Path config = Files.writeString(dir.resolve("gate.yml"), "checks:\n  - name: x\n    chain: []\n    expect: safe\n");
        assertBadInputOf(CliRun.of("gate", "--config", config.toString()), "check 'x'", "chain names no value");
        Path kernels = Files.writeString(dir.resolve("kernels.yml"),
                "checks:\n  - name: y\n    chain: [linux-6.1, linux-6.1]\n    kernels: 3\n    expect: safe\n");
        assertBadInputOf(CliRun.of("gate", "--config", kernels.toString()), "check 'y'", "kernels 3");
    }

    @Test
    void aGateCheckExpectingAChainThatCannotRun() throws Exception {
        // cannot-run is the cross-check's word for an impossible chain, not a class a check can end in
        Path config = Files.writeString(dir.resolve("gate.yml"),
                "checks:\n  - name: z\n    chain: [linux-6.1, linux-6.1]\n    expect: cannot-run\n");
        assertBadInputOf(CliRun.of("gate", "--config", config.toString()), "check 'z'",
                "expect 'cannot-run' is not an outcome class");
    }

    @Test
    void baselineRewrittenFromOneShard() {
        assertBadInputOf(CliRun.of("gate", "--config", GateExampleTest.CONFIG.toString(), "--shard", "1/2",
                "--update-baseline"), "--update-baseline", "--shard 1/2");
    }

    @Test
    void chainAndPopulationTogether() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1", "--population", "linux-4.19"), "--chain", "--population");
    }

    @Test
    void inconsistentOptions() {
        assertBadInputOf(CliRun.of("check", "--chain", "linux-6.1,kdump-6.1", "--kexec", "normal"), "inconsistent");
    }

    @Test
    void modelThatDoesNotParseNamesFileLineAndColumn() throws Exception {
        Path model = dir.resolve("broken.als");
        Files.writeString(model, "module broken\nopen kexec/core\n\npred init { coldBoot and }\n");
        assertBadInputOf(CliRun.of("check", "-m", model.toString()), model.toString() + ":4:");
    }

    @Test
    void modelThatDoesNotTypeCheck() throws Exception {
        Path model = dir.resolve("typo.als");
        Files.writeString(model, "module typo\nopen kexec/core\nopen kexec/profiles\nopen kexec/properties\n"
                + "pred init { coldBot }\npred step { otherEvents }\n");
        assertBadInputOf(CliRun.of("check", "-m", model.toString()), model.toString() + ":5:", "coldBot");
    }

    @Test
    void unreadableModelFile() {
        assertBadInputOf(CliRun.of("check", "-m", dir.resolve("missing.als").toString()), "missing.als", "cannot read");
    }

    @Test
    void nothingIsWrittenForBadInput() {
        Path out = dir.resolve("traces");
        CliRun run = CliRun.of("check", "--chain", "linux-0", "--out", out.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertFalse(Files.exists(out));
    }

    private static void assertBadInputOf(CliRun run, String... mustMention) {
        run.assertBadInput(mustMention);
    }
}
