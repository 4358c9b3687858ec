package kexeccheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.Offence;
import kexeccheck.trace.Trace;
import kexeccheck.trace.ViolationReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graph of a counterexample: given a real trace (written by {@code check --out}
 * for a public scenario), when drawn, then it names every kernel, shows the
 * hand-over, and marks the offending frame in red with its step.
 */
class TraceGraphTest {

    @ParameterizedTest
    @MethodSource("kexeccheck.render.Fixtures#names")
    void theSameTraceGivesByteIdenticalDot(String fixture) {
        String first = TraceGraph.dot(Fixtures.trace(fixture));
        String second = TraceGraph.dot(Fixtures.trace(fixture));
        assertEquals(first, second);
        assertTrue(first.startsWith("digraph \"counterexample\" {"), first);
        assertTrue(first.endsWith("}\n"), first);
    }

    @ParameterizedTest
    @MethodSource("kexeccheck.render.Fixtures#names")
    void theSvgNamesEveryKernelAndMarksTheOffenceRed(String fixture) {
        DotProgram dot = dotOrSkip();
        Trace trace = Fixtures.trace(fixture);
        Svg svg = Svg.parse(dot.render(TraceGraph.dot(trace), GraphFormat.svg));

        List<String> texts = svg.texts();
        for (Configuration.KernelInstance k : trace.configuration().chain()) {
            assertTrue(texts.stream().anyMatch(t -> t.contains(k.name()) && t.contains(k.profile())),
                    k.name() + " " + k.profile() + " not named in " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("step " + trace.violationState())),
                "the violation's step is not named: " + texts);
        List<Offence> offences = ViolationReason.offences(trace);
        assertFalse(offences.isEmpty(), "the fixture has an offence");
        Set<String> offendingFrames = new TreeSet<>();
        offences.forEach(o -> offendingFrames.addAll(o.frames()));
        Set<String> red = svg.framesInRedCells();
        Set<String> redArrows = svg.redEdges();
        boolean cellMarked = offendingFrames.stream().anyMatch(red::contains);
        boolean arrowMarked = !redArrows.isEmpty();
        assertTrue(cellMarked || arrowMarked, "nothing red for " + offences + ": cells " + red + ", edges " + redArrows);
        if (offences.stream().anyMatch(o -> o.kind() == Offence.Kind.PENDING_WRITE
                || o.kind() == Offence.Kind.TABLE_WRITE || o.kind() == Offence.Kind.LIVE_PENDING_TABLE)) {
            assertTrue(cellMarked, "the offending frame " + offendingFrames + " is not in a red cell: " + red);
        }
    }

    @Test
    void theSeedObjectionShowsWhichLiveTableK1HandsToK2AndWhereTheBitLands() {
        Trace trace = Fixtures.trace("seed-objection-found.no-stray-write");
        String dot = TraceGraph.dot(trace);
        // K1 (linux-5.3+dt-v1) hands its three live tables to K2 (linux-4.19) ...
        for (String frame : List.of("F0", "F1", "F2")) {
            assertTrue(dot.contains("\"id\"=\"handover-K1-K2-" + frame + "\""), frame);
        }
        // ... and at step 3 CPU1's live pending table F0 is K2's: the bit the GIC sets there, or the table
        // still live once K2 (whose disable failed) is up (both are shortest stories): that arrow is red.
        assertTrue(dot.contains("\"id\"=\"reg-CPU1-PENDBASER\",\"dir\"=\"back\",\"arrowtail\"=\"normal\","
                + "\"constraint\"=\"true\",\"weight\"=\"1\",\"color\"=\"" + TraceGraph.RED + "\""), dot);
        assertTrue(dot.contains("step 3: GIC writes a pending bit (CPU1)")
                || dot.contains("step 3: still CPU1's live pending table"), dot);
    }

    @ParameterizedTest
    @MethodSource("kexeccheck.render.Fixtures#names")
    void aPngIsANonTrivialPicture(String fixture) {
        DotProgram dot = dotOrSkip();
        byte[] png = dot.render(TraceGraph.dot(Fixtures.trace(fixture)), GraphFormat.png);
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        int width = header.getInt();
        int height = header.getInt();
        assertTrue(png.length > 20_000, "only " + png.length + " bytes");
        assertTrue(width > 1000 && height > 300, width + "x" + height);
    }

    @Test
    void dotIsFoundOnPathOrNamedByTheProperty() {
        String saved = System.getProperty(DotProgram.PROPERTY);
        try {
            System.setProperty(DotProgram.PROPERTY, "");
            assertTrue(DotProgram.find().isEmpty());
            System.setProperty(DotProgram.PROPERTY, Path.of("no-such-dir", "dot").toString());
            assertTrue(DotProgram.find().isEmpty());
        } finally {
            if (saved == null) System.clearProperty(DotProgram.PROPERTY);
            else System.setProperty(DotProgram.PROPERTY, saved);
        }
    }

    static DotProgram dotOrSkip() {
        var dot = DotProgram.find();
        assumeTrue(dot.isPresent(), "Graphviz's dot is not installed (apt-get install graphviz)");
        return dot.get();
    }
}
