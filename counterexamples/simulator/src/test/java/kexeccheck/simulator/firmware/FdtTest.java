package kexeccheck.simulator.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flattened device tree writer: blocks pinned by hand, round trip, and dtc's opinion. */
class FdtTest {

    @TempDir
    Path dir;

    @Test
    void smallestTreeByteForByte() {
        byte[] dtb = Fdt.write(new DtNode("").string("compatible", "a"));
        String expected = ""
                // header: magic, totalsize 99, off_dt_struct 56, off_dt_strings 88, off_mem_rsvmap 40,
                // version 17, last_comp_version 16, boot_cpuid_phys 0, size_dt_strings 11, size_dt_struct 32
                + "d00dfeed" + "00000063" + "00000038" + "00000058" + "00000028"
                + "00000011" + "00000010" + "00000000" + "0000000b" + "00000020"
                // memory reservation block: one terminating {0, 0}
                + "00000000000000000000000000000000"
                // FDT_BEGIN_NODE "" (padded), FDT_PROP len 2 nameoff 0 "a\0" (padded), FDT_END_NODE, FDT_END
                + "00000001" + "00000000" + "00000003" + "00000002" + "00000000" + "61000000" + "00000002" + "00000009"
                // strings block
                + HexFormat.of().formatHex("compatible\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(expected, HexFormat.of().formatHex(dtb));
    }

    @Test
    void paddingIsCoveredByTotalsize() {
        byte[] dtb = Fdt.write(new DtNode("").string("compatible", "a"), 65536);
        assertEquals(65536, dtb.length);
        assertEquals("00010000", HexFormat.of().formatHex(dtb, 4, 8));
    }

    @Test
    void boardTreeRoundTrips() {
        DtNode tree = boardTree(true);
        DtNode back = Fdt.read(Fdt.write(tree));
        assertArrayEquals(Fdt.write(tree), Fdt.write(back));
        DtNode lpi = back.find("reserved-memory/gic-lpi").orElseThrow();
        assertTrue(lpi.has("no-map"));
        assertEquals(new AddressRange(0x4a00_0000L, 0x3_0000L), lpi.rangesOf("reg").get(0));
        assertEquals(1L, back.find("intc").orElseThrow().cell("memory-region").orElseThrow());
        assertEquals(lpi.name(), back.byPhandle(1).orElseThrow().name());
        DtNode user = BoardDeviceTree.withoutLpiNode(back);
        assertTrue(user.find("reserved-memory/gic-lpi").isEmpty());
        assertTrue(!user.find("intc").orElseThrow().has("memory-region"));
    }

    @Test
    void dtcAcceptsTheBoardTree() throws IOException, InterruptedException {
        assumeTrue(onPath("dtc"), "dtc (device-tree-compiler) is not installed");
        Path dtb = dir.resolve("board.dtb");
        Files.write(dtb, Fdt.write(boardTree(false), 65536));
        Path dts = dir.resolve("board.dts");
        Process p = new ProcessBuilder("dtc", "-I", "dtb", "-O", "dts", "-o", dts.toString(), dtb.toString())
                .redirectErrorStream(true).start();
        String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), messages);
        String text = Files.readString(dts);
        assertTrue(text.contains("gic-lpi@4a000000"), text);
        assertTrue(text.contains("compatible = \"arm,gic-v3\";"), text);
        assertTrue(text.contains("memory-region = <0x01>;"), text);
        assertTrue(text.contains("reg = <0x00 0x40000000 0x00 0x40000000>;"), text);
    }

    private static DtNode boardTree(boolean noMap) {
        Board board = Board.qemuVirt(new AddressRange(0x4000_0000L, 0x4000_0000L), 2,
                new AddressRange(0x4a00_0000L, 0x3_0000L), null);
        return BoardDeviceTree.build(board, noMap, "console=ttyAMA0");
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
