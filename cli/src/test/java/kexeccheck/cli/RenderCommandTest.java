package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kexeccheck.render.DotProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kexec-check render} and {@code check --render}: given a real counterexample,
 * when drawn, then the files asked for and nothing else; bad input is one line and exit 2.
 */
class RenderCommandTest {

    private static final String[] NO_EFI = {"check", "--chain", "linux-6.1,linux-6.1", "--firmware", "dt",
        "--hardware", "sticky", "--devices", "active", "--no-timing"};

    @TempDir
    static Path checked;

    @TempDir
    Path dir;

    private static Path stray;
    private static Path graphs;
    private static CliRun check;

    /** One check writes the traces (--out) and their graphs (--render) that the tests use. */
    @BeforeAll
    static void checkOnce() {
        graphs = checked.resolve("graphs");
        check = CliRun.of(concat(NO_EFI, "--out", checked.resolve("traces").toString(), "--render", graphs.toString()));
        assertEquals(KexecCheck.VIOLATED, check.exitCode(), check.err());
        stray = checked.resolve("traces").resolve("no-stray-write.trace.json");
    }

    @Test
    void dotNeedsNoGraphviz() throws Exception {
        Path out = dir.resolve("graph.dot");
        CliRun run = withoutDot(() -> CliRun.of("render", stray.toString(), "--format", "dot", "--out", out.toString()));
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        assertEquals("", run.out() + run.err());
        String dot = Files.readString(out);
        assertTrue(dot.startsWith("digraph \"counterexample\" {"), dot);
        assertTrue(dot.contains("K1  linux-6.1") && dot.contains("K2  linux-6.1"), dot);
    }

    @Test
    void renderingTwiceGivesByteIdenticalDot() throws Exception {
        Path a = dir.resolve("a.dot");
        Path b = dir.resolve("b.dot");
        assertEquals(KexecCheck.OK, CliRun.of("render", stray.toString(), "--out", a.toString()).exitCode());
        assertEquals(KexecCheck.OK, CliRun.of("render", stray.toString(), "--out", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void svgAndPngAreDrawnByDot() throws Exception {
        assumeTrue(DotProgram.find().isPresent(), "Graphviz's dot is not installed");
        Path svg = dir.resolve("graph.svg");
        Path png = dir.resolve("sub/graph.png");
        CliRun a = CliRun.of("render", stray.toString(), "--format", "svg", "--out", svg.toString());
        CliRun b = CliRun.of("render", stray.toString(), "--out", png.toString());
        assertEquals(KexecCheck.OK, a.exitCode(), a.err());
        assertEquals(KexecCheck.OK, b.exitCode(), b.err());
        assertTrue(Files.readString(svg).contains("<svg"), "not an SVG");
        byte[] bytes = Files.readAllBytes(png);
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
        assertTrue(bytes.length > 20_000, bytes.length + " bytes");
        assertEquals(List.of(png), list(png.getParent()));
    }

    @Test
    void withoutDotAnSvgRequestWritesTheDotBesideItAndSaysSoInOneLine() throws Exception {
        Path svg = dir.resolve("graph.svg");
        CliRun run = withoutDot(() -> CliRun.of("render", stray.toString(), "--format", "svg", "--out", svg.toString()));
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("apt-get install graphviz") && run.err().contains("graph.dot"), run.err());
        assertEquals(List.of(dir.resolve("graph.dot")), list(dir));
    }

    @Test
    void checkRenderDrawsEveryCounterexample() throws Exception {
        assumeTrue(DotProgram.find().isPresent(), "Graphviz's dot is not installed");
        assertEquals("", check.err());
        assertEquals(List.of(graphs.resolve("lpis-delivered.dot"), graphs.resolve("lpis-delivered.svg"),
                graphs.resolve("no-stray-write.dot"), graphs.resolve("no-stray-write.svg")), list(graphs));
        assertTrue(Files.readString(graphs.resolve("no-stray-write.svg")).contains("no&#45;stray&#45;write"));
        assertEquals(Files.readString(graphs.resolve("no-stray-write.dot")),
                kexeccheck.render.TraceGraph.dot(kexeccheck.trace.TraceJson.read(stray)));
    }

    @Test
    void checkRenderWithoutDotWritesTheDotFilesAndSaysSo() throws Exception {
        CliRun run = withoutDot(() -> CliRun.of(concat(NO_EFI, "--property", "no-stray-write",
                "--render", dir.toString())));
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        assertTrue(run.out().contains("outcome: corruption"), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("apt-get install graphviz"), run.err());
        assertEquals(List.of(dir.resolve("no-stray-write.dot")), list(dir));
    }

    @Test
    void aMissingTraceIsOneLineAndExit2() throws Exception {
        Path out = dir.resolve("graph.svg");
        assertBadInput(CliRun.of("render", dir.resolve("missing.trace.json").toString(), "--out", out.toString()),
                "missing.trace.json", "no such file");
    }

    @Test
    void aCorruptTraceIsOneLineAndExit2() throws Exception {
        Path corrupt = dir.resolve("corrupt.trace.json");
        Files.writeString(corrupt, Files.readString(stray).replace("\"violationState\"", "\"violation\""));
        Path truncated = dir.resolve("truncated.trace.json");
        String text = Files.readString(stray);
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        assertBadInput(CliRun.of("render", corrupt.toString(), "--out", dir.resolve("a.svg").toString()),
                "corrupt.trace.json", "not a kexec-check trace");
        assertBadInput(CliRun.of("render", truncated.toString(), "--out", dir.resolve("b.svg").toString()),
                "truncated.trace.json", "not JSON");
    }

    @Test
    void anUnknownFormatIsOneLineAndExit2() throws Exception {
        assertBadInput(CliRun.of("render", stray.toString(), "--format", "jpg", "--out", dir.resolve("a.jpg").toString()),
                "--format", "jpg", "dot, svg, png");
    }

    private void assertBadInput(CliRun run, String... mustMention) throws Exception {
        run.assertBadInput(mustMention);
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".svg") || f.toString().endsWith(".dot")
                    || f.toString().endsWith(".jpg")), "something was written");
        }
    }

    /** Runs the command as on a machine without Graphviz. */
    private static CliRun withoutDot(java.util.function.Supplier<CliRun> command) {
        String saved = System.getProperty(DotProgram.PROPERTY);
        System.setProperty(DotProgram.PROPERTY, "");
        try {
            return command.get();
        } finally {
            if (saved == null) System.clearProperty(DotProgram.PROPERTY);
            else System.setProperty(DotProgram.PROPERTY, saved);
        }
    }

    private static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
