package kexeccheck.simulator.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Reading real blobs: the DTBs QEMU's virt board and the EFI stub gave real kernels
 * (validation/qemu/captures), and every truncation or corruption of them refused with a
 * {@link MalformedFdtException}, never read past the end or thrown as anything else.
 */
class FdtReaderTest {

    private static final Path CAPTURES = Path.of("../../validation/qemu/captures");

    /** QEMU's own DTB (version 17, padded to 1 MiB), as a DT-booted 6.1 saw it in /sys/firmware/fdt. */
    private static byte[] qemuVirt() throws IOException {
        return Files.readAllBytes(CAPTURES.resolve("active-dt-6.1-kdump-6.1/stage1/sys/firmware/fdt"));
    }

    /** The tiny DTB the EFI stub generated for an ACPI boot. */
    private static byte[] efiStub() throws IOException {
        return Files.readAllBytes(CAPTURES.resolve("active-efi-6.1-6.1/stage1/sys/firmware/fdt"));
    }

    private static boolean hasCompatible(DtNode n, String compatible) {
        return n.get("compatible").map(v -> Arrays.asList(new String(v, java.nio.charset.StandardCharsets.US_ASCII)
                .split("\0")).contains(compatible)).orElse(false);
    }

    @Test
    void qemusVirtBoardHasAGicV3WithAnItsAndTwoCpus() throws IOException {
        DtNode root = Fdt.read(qemuVirt());
        assertEquals("linux,dummy-virt", root.stringOf("model").orElseThrow());
        DtNode gic = root.children().stream().filter(n -> hasCompatible(n, "arm,gic-v3")).findFirst().orElseThrow();
        assertEquals("intc@8000000", gic.name());
        assertTrue(gic.children().stream().anyMatch(n -> hasCompatible(n, "arm,gic-v3-its")));
        assertEquals(2, root.find("cpus").orElseThrow().children().stream()
                .filter(n -> n.name().startsWith("cpu@")).count());
        assertEquals(List.of(), Fdt.reservations(qemuVirt()));
    }

    @Test
    void theEfiStubsDtbNamesTheSystemTable() throws IOException {
        DtNode chosen = Fdt.read(efiStub()).find("chosen").orElseThrow();
        assertTrue(chosen.has("linux,uefi-system-table"));
        assertTrue(chosen.stringOf("bootargs").orElseThrow().contains("kc.chain=6.1,6.1"));
    }

    @Test
    void memreserveEntriesAreRead() {
        byte[] dtb = Fdt.write(new DtNode("").string("compatible", "a"));
        // put one {0x4a000000, 0x30000} entry where the terminator was, and a terminator after it
        byte[] grown = Arrays.copyOf(dtb, dtb.length + 16);
        System.arraycopy(dtb, 56, grown, 72, dtb.length - 56);
        put(grown, 4, grown.length);
        put(grown, 8, 72);
        put(grown, 12, 72 + 32);
        put64(grown, 40, 0x4a00_0000L);
        put64(grown, 48, 0x3_0000L);
        put64(grown, 56, 0);
        put64(grown, 64, 0);
        assertEquals(List.of(new kexeccheck.simulator.memory.AddressRange(0x4a00_0000L, 0x3_0000L)),
                Fdt.reservations(grown));
        assertEquals("a", Fdt.read(grown).stringOf("compatible").orElseThrow());
    }

    @Test
    void whatIsWrongIsSaid() throws IOException {
        byte[] good = efiStub();
        assertEquals("not a flattened device tree (magic 0x2f647473, expected 0xd00dfeed)",
                assertThrows(MalformedFdtException.class, () -> Fdt.read("/dts-v1/;".getBytes())).getMessage());
        assertEquals("truncated: totalsize is 541 bytes, the blob has 300",
                assertThrows(MalformedFdtException.class, () -> Fdt.read(Arrays.copyOf(good, 300))).getMessage());
        byte[] old = good.clone();
        put(old, 20, 15);
        assertTrue(assertThrows(MalformedFdtException.class, () -> Fdt.read(old)).getMessage()
                .startsWith("unsupported version 15"));
        byte[] farString = good.clone();
        put(farString, 12, 100_000);
        assertTrue(assertThrows(MalformedFdtException.class, () -> Fdt.read(farString)).getMessage()
                .startsWith("strings block [100000, "));
    }

    @Property(tries = 300)
    void everyTruncationIsRefusedAsMalformed(@ForAll @IntRange(min = 0, max = 540) int length) throws IOException {
        byte[] cut = Arrays.copyOf(efiStub(), length);
        assertThrows(MalformedFdtException.class, () -> Fdt.read(cut));
    }

    @Property(tries = 1000)
    void aCorruptByteIsReadOrRefusedNeverAnotherError(@ForAll @IntRange(min = 0, max = 540) int at,
                                                      @ForAll byte value) throws IOException {
        byte[] blob = efiStub();
        blob[at] = value;
        try {
            Fdt.read(blob);
            Fdt.reservations(blob);
        } catch (MalformedFdtException refused) {
            // the only way a blob may fail
        }
    }

    @Property(tries = 200)
    void aCorruptWordOfARealBoardIsReadOrRefused(@ForAll @IntRange(min = 0, max = 7411 / 4) int word,
                                                 @ForAll int value) throws IOException {
        byte[] blob = qemuVirt();
        put(blob, word * 4, value);
        try {
            Fdt.read(blob);
        } catch (MalformedFdtException refused) {
            // the only way a blob may fail
        }
    }

    private static void put(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (24 - 8 * i));
    }

    private static void put64(byte[] b, int at, long v) {
        put(b, at, v >>> 32);
        put(b, at + 4, v);
    }
}
