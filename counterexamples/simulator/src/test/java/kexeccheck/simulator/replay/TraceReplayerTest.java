package kexeccheck.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counterexamples the checker wrote (`kexec-check check ... --out`, committed
 * under the trace module's test resources/traces: the public scenarios and a few more worlds)
 * replayed on the simulator.
 */
class TraceReplayerTest {

    static Stream<Path> traces() throws IOException {
        // the trace module owns the fixtures; the render tests draw the same files
        Path root = Path.of("../trace/src/test/resources/traces");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".trace.json")).sorted().toList().stream();
        }
    }

    private static String id(Path p) {
        return p.getParent().getFileName() + "/" + p.getFileName();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyCounterexampleIsConfirmedStateByState(Path file) {
        ReplayResult r = TraceReplayer.replay(TraceJson.read(file));
        assertEquals(ReplayResult.Verdict.CONFIRMED, r.verdict(), id(file) + ":\n" + String.join("\n", ReplayPrinter.lines(r)));
        assertEquals(-1, r.firstDifference());
    }

    @Test
    void aHandEditedRegisterDiverges() throws Exception {
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("no-efi-sticky-breaks/no-stray-write.trace.json"))
                .findFirst().orElseThrow());
        List<State> states = new java.util.ArrayList<>(t.states());
        State s1 = states.get(1);
        List<State.Redistributor> rds = new java.util.ArrayList<>(s1.redistributors());
        State.Redistributor cpu0 = rds.get(0);
        rds.set(0, new State.Redistributor(cpu0.cpu(), cpu0.enableLpis(), cpu0.propbaser(), cpu0.propbaser()));
        states.set(1, new State(s1.index(), s1.event(), s1.kernel(), s1.phase(), rds, s1.its(), s1.collections(),
                s1.memory(), s1.memreserve(), s1.pendingWrites(), s1.tableWrites(), s1.log(), s1.cpuModes(),
                s1.propertyTable(), s1.allocatedPending()));
        ReplayResult r = TraceReplayer.replay(new Trace(t.schemaVersion(), t.model(), t.property(), t.outcome(),
                t.bounds(), t.configuration(), states, t.violationState()));
        assertEquals(ReplayResult.Verdict.DIVERGED, r.verdict());
        assertEquals(1, r.firstDifference());
        assertTrue(r.firstDifferences().get(0).startsWith("CPU0 redistributor:"), r.firstDifferences().toString());
        assertTrue(ReplayPrinter.verdictLine(r).startsWith("verdict: diverged (no-stray-write fails at step 3 in both"
                + " accounts, but the states first differ at step 1: CPU0 redistributor:"), ReplayPrinter.verdictLine(r));
    }

    @Test
    void aCpuWhosePropbaserNamesNoFrameIsAbsentInBothAccounts() throws Exception {
        // The U-Boot scenario on a GIC without a shared PROPBASER: U-Boot's one write through redistributor 0
        // leaves CPU1's at its reset value 0, which the trace writes as no frame (null).
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("uboot-preprogrammed-nomap/lpis-delivered.trace.json"))
                .findFirst().orElseThrow());
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(t.configuration().options());
        options.put("propbaser-sharing", "per-redistributor");
        Configuration c = t.configuration();
        Configuration perRedistributor = new Configuration(options, c.chain(), c.cpus(), c.frames(), c.board());
        List<State> states = t.states().stream().map(s -> new State(s.index(), s.event(), s.kernel(), s.phase(),
                s.redistributors().stream().map(r -> r.cpu().equals("CPU1")
                        ? new State.Redistributor(r.cpu(), r.enableLpis(), null, r.pendbaser()) : r).toList(),
                s.its(), s.collections(), s.memory(), s.memreserve(), s.pendingWrites(), s.tableWrites(), s.log(),
                s.cpuModes(), s.propertyTable(), s.allocatedPending())).toList();
        ReplayResult r = TraceReplayer.replay(new Trace(t.schemaVersion(), t.model(), t.property(), t.outcome(),
                t.bounds(), perRedistributor, states, t.violationState()));
        assertEquals(-1, r.firstDifference(), String.join("\n", ReplayPrinter.lines(r)));
        assertEquals(ReplayResult.Verdict.CONFIRMED, r.verdict(), String.join("\n", ReplayPrinter.lines(r)));
        // and the unchanged trace, whose CPU1 names U-Boot's table, is not what a per-redistributor GIC does
        ReplayResult shared = TraceReplayer.replay(new Trace(t.schemaVersion(), t.model(), t.property(), t.outcome(),
                t.bounds(), perRedistributor, t.states(), t.violationState()));
        assertTrue(shared.firstDifferences().get(0).startsWith("CPU1 redistributor:"), shared.firstDifferences().toString());
    }

    @Test
    void aSegmentTheTracePlacesIsJudgedByTheRuleOfTheSyscallThatLoadedIt() throws Exception {
        // K2's image, initrd and DTB on K1's three tables (6.1, EFI). kexec-tools ignoring reserved entries
        // takes them; with kexec_file_load K1 (with 2bab693a608b) has them memblock-reserved: the replay still
        // places them as the trace says, and notes that kexec_file_load, not kexec-tools, would not have
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("efi-new-to-old/no-stray-write.trace.json"))
                .findFirst().orElseThrow());
        Configuration c = t.configuration();
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(c.options());
        options.put("syscall", "kexec-file-load");
        List<Configuration.KernelInstance> chain = c.chain().stream().map(k -> {
            if (!k.name().equals("K1")) return k;
            java.util.Set<String> caps = new java.util.TreeSet<>(k.capabilities());
            caps.addAll(List.of("kexec-file-syscall", "memreserve-in-memblock"));
            return new Configuration.KernelInstance(k.name(), k.profile(), List.copyOf(caps), k.entry(), k.image(),
                    k.initrd(), k.dtb());
        }).toList();
        ReplayResult r = TraceReplayer.replay(new Trace(t.schemaVersion(), t.model(), t.property(), t.outcome(),
                t.bounds(), new Configuration(options, chain, c.cpus(), c.frames(), c.board()), t.states(),
                t.violationState()));
        assertEquals(ReplayResult.Verdict.CONFIRMED, r.verdict(), String.join("\n", ReplayPrinter.lines(r)));
        List<String> notes = r.steps().stream().filter(s -> s.headline().startsWith("kexec into"))
                .findFirst().orElseThrow().record().notes;
        List<String> refused = notes.stream().filter(kexeccheck.simulator.loader.KexecLoader::refuses).toList();
        assertEquals(3, refused.size(), notes.toString());
        assertTrue(refused.stream().allMatch(n -> n.startsWith("kexec_file_load would not place the ")
                && n.endsWith("(memreserve)")), refused.toString());
        // the trace as it is (kexec_load, kexec-tools ignoring reserved entries): nothing to note
        ReplayResult asIs = TraceReplayer.replay(t);
        assertTrue(asIs.steps().stream().flatMap(s -> s.record().notes.stream())
                .noneMatch(kexeccheck.simulator.loader.KexecLoader::refuses));
    }

    @Test
    void aTraceClaimingAnEarlierFailureIsSpurious() throws Exception {
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("no-efi-sticky-breaks/no-stray-write.trace.json"))
                .findFirst().orElseThrow());
        Trace early = new Trace(t.schemaVersion(), t.model(), t.property(), t.outcome(), t.bounds(), t.configuration(),
                t.states(), 2);
        ReplayResult r = TraceReplayer.replay(early);
        assertFalse(r.confirmed());
        assertEquals(-1, r.simulatorStep());
        assertEquals(2, r.divergence());
        assertTrue(ReplayPrinter.lines(r).get(ReplayPrinter.lines(r).size() - 1)
                .startsWith("verdict: spurious (no-stray-write fails at step 2 in the trace, never in the simulator"));
    }

    @Test
    void framesMapToDocumentedAddresses() throws Exception {
        Trace t = TraceJson.read(traces().filter(p -> id(p).equals("seed-objection-found/lpis-delivered.trace.json"))
                .findFirst().orElseThrow());
        FrameMap map = new FrameMap(t.configuration());
        // LPI region slots in order property, CPU0, CPU1: F2, F1, F0
        assertEquals(0x4a00_0000L, map.pa("F2"));
        assertEquals(0x4a01_0000L, map.pa("F1"));
        assertEquals(0x4a02_0000L, map.pa("F0"));
        assertEquals("F1", map.frameAt(0x4a01_0400L));
        // the crash region's frames from 0x4c000000, in the trace's order
        Configuration three = TraceJson.read(traces()
                .filter(p -> id(p).equals("dt-region-v1-three-kernels/no-stray-write.trace.json")).findFirst()
                .orElseThrow()).configuration();
        List<String> crash = three.board().crashRegion();
        assertTrue(!crash.isEmpty(), crash.toString());
        FrameMap threeMap = new FrameMap(three);
        assertEquals(0x4c00_0000L, threeMap.pa(crash.get(0)));
        assertEquals(0x4c00_0000L + (crash.size() - 1) * 0x1_0000L, threeMap.pa(crash.get(crash.size() - 1)));
    }
}
