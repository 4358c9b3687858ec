package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kexec-check board} on real trees: QEMU's virt board as the kernels of a real run saw it,
 * and boards of Debian's arm64 kernel package; a fleet of them; and blobs that are not trees.
 */
class BoardCommandTest {

    private static final Path QEMU_DT = Path.of("../validation/qemu/captures/active-dt-6.1-kdump-6.1/stage1/sys/firmware/fdt");
    private static final Path DTBS = Path.of("../counterexamples/simulator/src/test/resources/dtbs");

    @TempDir
    Path dir;

    @Test
    void qemuVirtWithoutEfiIsCheckedAsADeviceTreeBoardWithStickyAndClearableHardware() {
        CliRun run = CliRun.of("board", QEMU_DT.toString(), "--chain", "linux-6.1,linux-6.1", "--devices", "active",
                "--no-proof", "--no-timing", "--no-conditions");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("  GIC         GICv3+ITS  /intc@8000000 (arm,gic-v3), ITS /intc@8000000/its@8080000"), out);
        assertTrue(out.contains("  --hardware         sticky,clearable"), out);
        assertTrue(out.contains("  --firmware         dt                           a running system's tree"), out);
        assertTrue(out.contains("  --devices          active                       given"), out);
        assertTrue(out.contains("open (every value explored unless given): --reserved-memory, --dtb, --loader, --syscall,"
                + " --propbaser-sharing, --kexec, --page-size"), out);
        assertTrue(out.contains("outcome: corruption"), out);
        assertTrue(out.contains("\nverdict: corruption\n"), "with --no-conditions, no decision: " + out);
    }

    @Test
    void aGicV2BoardHasNothingToHandOver() throws Exception {
        CliRun run = CliRun.of("board", DTBS.resolve("amlogic/meson-s4-s805x2-aq222.dtb").toString(), "--chain",
                "linux-6.1,linux-6.1", "--no-proof", "--format", "json", "--no-timing");
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        JsonNode root = TraceJson.mapper().readTree(run.out());
        assertEquals("board", root.get("report").asText());
        assertEquals("GICv2", root.get("board").get("gic").get("kind").asText());
        assertEquals("not-applicable", root.get("check").get("outcome").asText());

        CliRun pi = CliRun.of("board", DTBS.resolve("broadcom/bcm2837-rpi-zero-2-w.dtb").toString());
        assertEquals(KexecCheck.OK, pi.exitCode(), pi.err());
        assertTrue(pi.out().contains("outcome: not-applicable: no interrupt controller the arm64 GIC drivers match"),
                pi.out());
    }

    @Test
    void anOptionTheTreeRulesOutIsBadInput() {
        Path gicv2 = DTBS.resolve("arm/foundation-v8.dtb");
        CliRun run = CliRun.of("board", gicv2.toString(), "--hardware", "sticky");
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertEquals("kexec-check: --hardware sticky contradicts the board's device tree: a GICv2 (arm,gic-400 at"
                + " /interrupt-controller@2c001000): no LPIs", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void aBlobThatIsNotATreeIsOneLineAndExit2() throws Exception {
        byte[] thunder = Files.readAllBytes(DTBS.resolve("cavium/thunder2-99xx.dtb"));
        Path cut = Files.write(dir.resolve("cut.dtb"), Arrays.copyOf(thunder, 1000));
        CliRun run = CliRun.of("board", cut.toString());
        assertEquals(KexecCheck.BAD_INPUT, run.exitCode());
        assertTrue(run.err().startsWith("kexec-check: " + cut + ": "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());

        CliRun missing = CliRun.of("board", dir.resolve("absent.dtb").toString());
        assertEquals(KexecCheck.BAD_INPUT, missing.exitCode());
        assertEquals("kexec-check: " + dir.resolve("absent.dtb") + ": no such file", missing.err().strip());

        CliRun empty = CliRun.of("board", Files.createDirectory(dir.resolve("empty")).toString());
        assertEquals(KexecCheck.BAD_INPUT, empty.exitCode());
        assertTrue(empty.err().contains("no .dtb file under it"), empty.err());
    }

    @Test
    void aFleetIsOneRowPerBoardAndCountsPerClass() throws Exception {
        Path fleet = Files.createDirectory(dir.resolve("fleet"));
        for (String dtb : new String[] {"cavium/thunder2-99xx.dtb", "marvell/ac5-98dx35xx-rd.dtb",
            "amlogic/meson-s4-s805x2-aq222.dtb", "broadcom/bcm2837-rpi-zero-2-w.dtb"}) {
            Path to = fleet.resolve(dtb);
            Files.createDirectories(to.getParent());
            Files.copy(DTBS.resolve(dtb), to);
        }
        Files.write(fleet.resolve("broken.dtb"), new byte[] {(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 0, 0});
        Path page = dir.resolve("out/fleet.html");
        CliRun run = CliRun.of("board", fleet.toString(), "--chain", "linux-6.1,linux-6.1", "--hardware", "sticky",
                "--no-proof", "--format", "json", "--no-timing", "--html", page.toString());
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        JsonNode root = TraceJson.mapper().readTree(run.out());
        assertEquals(5, root.get("boards").size());
        assertEquals("{\"GICv2\":1,\"GICv3\":1,\"GICv3+ITS\":1,\"none\":1,\"unreadable\":1}",
                sorted(root.get("boardsPerGic")));
        JsonNode outcomes = root.get("boardsPerOutcome");
        assertEquals(1, outcomes.get("corruption").asInt(), outcomes.toString());
        assertEquals(2, outcomes.get("not-applicable").asInt(), outcomes.toString());
        assertEquals(1, outcomes.get("no-gic").asInt(), outcomes.toString());
        assertEquals(1, outcomes.get("unreadable").asInt(), outcomes.toString());
        assertEquals(2, root.get("distinctConfigurations").asInt(), "the GICv2 and the ITS-less GICv3 share a check");
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">cavium/thunder2-99xx.dtb</td>"), html);
        assertTrue(html.contains("background:#d73027\">corruption</td>"), html);
        for (String external : new String[] {"<script", "<link", "src=\"http", "@import"}) {
            assertTrue(!html.contains(external), external);
        }
        // sorted by path: amlogic, broadcom, broken.dtb, cavium, marvell
        JsonNode thunderX2 = root.get("boards").get(3);
        assertEquals("corruption", thunderX2.get("outcome").asText());
        assertEquals("firmware,loader,syscall,kexec", thunderX2.get("decidedBy").asText(),
                "a package's tree leaves these open, and each of them decides the verdict");
        assertEquals("-", root.get("boards").get(4).get("decidedBy").asText(), "no LPIs: nothing violated");
        assertTrue(html.contains("<td>firmware,loader,syscall,kexec</td>"), html);
        JsonNode broken = root.get("boards").get(2);
        assertEquals("broken.dtb", broken.get("file").asText());
        assertTrue(broken.get("problem").asText().contains("broken.dtb: "), broken.toString());
    }

    private static String sorted(JsonNode counts) {
        StringBuilder s = new StringBuilder("{");
        counts.fields().forEachRemaining(e -> s.append(s.length() > 1 ? "," : "").append('"').append(e.getKey())
                .append("\":").append(e.getValue().asInt()));
        return s.append('}').toString();
    }
}
