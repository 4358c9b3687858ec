package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged CLI run as a separate process, exactly as a user runs it. */
class KexecCheckProcessIT {

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (program.endsWith(".jar")) {
            command.addAll(List.of("java", "-jar", program));
        } else {
            command.add(program);
        }
        command.addAll(List.of(args));
        Path out = Files.createTempFile("kexec-check-out", ".txt");
        Path err = Files.createTempFile("kexec-check-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "kexec-check did not finish: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String jar() {
        return System.getProperty("kexec-check.jar");
    }

    @Test
    void theSeedObjectionIsFoundWithACounterexample() throws Exception {
        Result r = run(jar(), "check", "-m", "dt-memory-region-v1", "--chain", "linux-5.3+dt-v1,linux-4.19",
                "--firmware", "dt", "--reserved-memory", "map", "--hardware", "sticky", "--devices", "active");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("outcome: corruption"), r.out());
        assertTrue(r.out().contains("K1 linux-5.3+dt-v1 (firmware-boot) -> K2 linux-4.19 (kexec)"), r.out());
        assertTrue(r.out().contains("!!  no-stray-write fails here"), r.out());
    }

    @Test
    void badInputIsOneLineOnStderrAndExitCode2() throws Exception {
        Result r = run(jar(), "check", "--hardware", "gicv4");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(List.of("kexec-check: unknown --hardware value 'gicv4' (expected one of: sticky, clearable, gicv2; did you mean gicv2?)"),
                r.err().lines().toList());
    }

    @Test
    void theLauncherRunsTheBuiltCli() throws Exception {
        Result r = run(System.getProperty("kexec-check.launcher"), "--version");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("kexec-check "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void theJarDrawsATraceWithGraphvizJavaShadedIn() throws Exception {
        Path dir = Files.createTempDirectory("kexec-check-render-it");
        CliRun check = CliRun.of("check", "--chain", "linux-6.1,linux-6.1", "--firmware", "dt", "--hardware", "sticky",
                "--devices", "active", "--property", "no-stray-write", "--out", dir.toString());
        assertEquals(1, check.exitCode(), check.err());
        Path graph = dir.resolve("graph.dot");
        Result r = run(jar(), "render", dir.resolve("no-stray-write.trace.json").toString(), "--out", graph.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out() + r.err());
        assertTrue(Files.readString(graph).contains("K2  linux-6.1"), graph.toString());
    }

    @Test
    void aGateKilledAfterItsFirstCheckLeavesItsLineAndJUnitForThatCheck() throws Exception {
        // issue 25: a CI job's timeout kills the gate; what finished must be in the log and the JUnit file
        Path dir = Files.createTempDirectory("kexec-check-gate-kill-it");
        Path junit = dir.resolve("junit.xml");
        Path out = dir.resolve("out.txt");
        Path config = Path.of(System.getProperty("kexec-check.launcher")).toAbsolutePath().getParent()
                .resolve("examples/kexec-check.yml");
        Process p = new ProcessBuilder("java", "-jar", jar(), "gate", "--config", config.toString(),
                "--junit", junit.toString()).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (Files.readAllLines(out).stream().noneMatch(l -> l.startsWith("  ok ") || l.startsWith("  FAIL "))) {
            assertTrue(System.nanoTime() < deadline && p.isAlive(), "no check finished: " + Files.readString(out));
            Thread.sleep(200);
        }
        p.destroy(); // SIGTERM, as a CI runner's timeout sends
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertTrue(Files.readString(out).startsWith("kexec-check "), "the header came first");
        String xml = Files.readString(junit);
        assertTrue(xml.contains("name=\"nolpi-workaround\""), xml);
        assertEquals(1, xml.split("<testcase ").length - 1, "only the finished check: " + xml);
        assertTrue(Files.readString(dir.resolve("err.txt")).contains("gate interrupted after 1 of 4 checks"));
    }
}
