package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kexeccheck.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kexec-check machine --root} on bundles captured from real QEMU runs
 * (validation/qemu/captures): the answer must be the one the public scenarios give for the
 * configuration those files show, and what they do not show must stay open.
 */
class MachineCommandTest {

    private static final Path CAPTURES = Path.of("../validation/qemu/captures");

    @TempDir
    Path dir;

    @Test
    void anEfiBootedSystemIsSafeToKexecIntoTheSameKernelWithALoaderThatHonoursReservedRanges() throws Exception {
        CliRun run = CliRun.of("machine", "--root", CAPTURES.resolve("active-efi-6.1-6.1/stage1").toString(), "--next",
                "linux-6.1", "--hardware", "sticky", "--devices", "active", "--loader", "honours-reserved", "--dtb",
                "passthrough", "--format", "json", "--no-timing");
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        JsonNode root = TraceJson.mapper().readTree(run.out());
        assertEquals("machine", root.get("report").asText());
        JsonNode m = root.get("machine");
        assertEquals("6.1.0-57-arm64", m.get("release").asText());
        assertEquals("linux-6.1", m.get("profile").asText());
        assertTrue(m.get("efi").asBoolean());
        assertEquals(3, m.get("itsMsis").asInt(), "virtio-net's three queues");
        assertEquals(17, m.get("reservedInSystemRam").size());
        JsonNode options = root.get("options");
        assertEquals("[\"efi\"]", options.get("firmware").get("values").toString());
        assertEquals("[\"normal\"]", options.get("kexec").get("values").toString(), "no crashkernel=");
        // efi-memreserve-works
        assertEquals("safe", root.get("check").get("outcome").asText());
    }

    @Test
    void theVerdictOnARunThatWasReallySafeSaysFirstThatItHangsOnTheLoaderAndIsSafeWithItFixed() throws Exception {
        // issue 22: this capture's run was safe; the files leave the loader open, which decides the verdict
        String root = CAPTURES.resolve("sticky-efi-6.12-6.1/stage1").toString();
        CliRun run = CliRun.of("machine", "--root", root, "--next", "linux-6.1", "--no-proof", "--no-timing");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("verdict: corruption, hanging on loader and syscall (left open by what the system shows)", lines[1]);
        assertEquals("  corruption (no-stray-write)  when loader=ignores-reserved and syscall=kexec-load", lines[2]);
        assertEquals("  every property holds         when loader=honours-reserved, or"
                + " syscall=kexec-file-load|kexec-file-load-unfinalised", lines[4]);
        // and in words (issue 22 item 2)
        assertEquals("  in words: corruption if the loader ignores reserved ranges and kexec_load loads the next kernel"
                + " (kexec -l)", lines[5]);
        assertEquals("            every property holds if the loader keeps off reserved ranges, or if kexec_file_load"
                + " loads the next kernel (kexec -s) or kexec_file_load loads the next kernel with KHO not finalised",
                lines[6]);
        JsonNode json = TraceJson.mapper().readTree(CliRun.of("machine", "--root", root, "--next", "linux-6.1",
                "--no-proof", "--no-timing", "--format", "json").out());
        assertEquals("[\"loader\",\"syscall\"]", json.get("check").get("verdictConditions").get("deciding").toString());
        // with the loader fixed as the run had it, the same files say safe
        CliRun fixed = CliRun.of("machine", "--root", root, "--next", "linux-6.1", "--loader", "honours-reserved",
                "--no-proof", "--no-timing");
        assertEquals(KexecCheck.OK, fixed.exitCode(), fixed.out());
        assertTrue(fixed.out().split("\n")[1].startsWith("verdict: safe: every property holds in every configuration"
                + " left open by what the system shows"), fixed.out());
    }

    @Test
    void aDeviceTreeBootOnStickyHardwareCorrupts() {
        CliRun run = CliRun.of("machine", "--root", CAPTURES.resolve("sticky-active-dt-6.1-6.1-memmin/stage1").toString(),
                "--next", "linux-6.1", "--hardware", "sticky", "--devices", "active", "--no-proof", "--no-timing",
                "--conditions-limit", "1");
        assertEquals(KexecCheck.VIOLATED, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("\nverdict: corruption (what decides it was not computed: "), out);
        assertTrue(out.contains(" configurations of the options left open, more than --conditions-limit 1)\n"), out);
        assertTrue(out.contains("  kernel    6.1.0-57-arm64 -> linux-6.1\n"), out);
        assertTrue(out.contains("  tree      /sys/firmware/fdt: GICv3+ITS /intc@8000000, 1048576 bytes"), out);
        assertTrue(out.contains("  --firmware         dt                           no /sys/firmware/efi"), out);
        // no-efi-sticky-breaks
        assertTrue(out.contains("outcome: corruption"), out);
    }

    @Test
    void theCommandLineChoosesTheProfileAndTheCrashKernel() throws Exception {
        Path bundle = copy(CAPTURES.resolve("active-dt-6.1-kdump-6.1/stage1"));
        Files.writeString(bundle.resolve("proc/cmdline"), "console=ttyAMA0 irqchip.gicv3_nolpi=1 crashkernel=256M\n");
        Files.writeString(bundle.resolve("proc/sys/kernel/osrelease"), "6.6.0-12-arm64\n");
        CliRun run = CliRun.of("machine", "--root", bundle.toString(), "--next", "linux-6.1", "--hardware", "sticky",
                "--devices", "active", "--no-proof", "--no-timing");
        assertEquals(KexecCheck.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("  kernel    6.6.0-12-arm64 -> linux-6.1 (the nearest profile at or below its"
                + " release); +nolpi from the command line\n"), run.out());
        assertTrue(run.out().contains("open (every value explored unless given): --reserved-memory, --dtb, --loader,"
                + " --syscall, --propbaser-sharing, --kexec, --page-size"), run.out());
        // nolpi-workaround
        assertTrue(run.out().contains("outcome: safe"), run.out());
    }

    @Test
    void whatTheFilesCannotAnswerIsOneLineAndExit2() throws Exception {
        CliRun empty = CliRun.of("machine", "--root", dir.toString(), "--next", "linux-6.1");
        assertEquals(KexecCheck.BAD_INPUT, empty.exitCode());
        assertEquals("kexec-check: " + dir.resolve("proc/sys/kernel/osrelease") + ": no such file (--root names a"
                + " system's root or a captured bundle with proc/ and sys/)", empty.err().strip());

        CliRun contradiction = CliRun.of("machine", "--root", CAPTURES.resolve("active-efi-6.1-6.1/stage1").toString(),
                "--next", "linux-6.1", "--firmware", "dt");
        assertEquals(KexecCheck.BAD_INPUT, contradiction.exitCode());
        assertTrue(contradiction.err().contains("--firmware dt contradicts what the system shows: /sys/firmware/efi"
                + " exists"), contradiction.err());

        CliRun capture = CliRun.of("machine", "--root", CAPTURES.resolve("active-dt-6.1-kdump-6.1/stage2").toString(),
                "--next", "linux-6.1");
        assertEquals(KexecCheck.BAD_INPUT, capture.exitCode());
        assertTrue(capture.err().contains("the running kernel is a capture kernel (/chosen/linux,elfcorehdr)"),
                capture.err());

        Path bundle = copy(CAPTURES.resolve("active-efi-6.1-6.1/stage1"));
        Files.write(bundle.resolve("sys/firmware/fdt"), new byte[] {1, 2, 3});
        CliRun corrupt = CliRun.of("machine", "--root", bundle.toString(), "--next", "linux-6.1");
        assertEquals(KexecCheck.BAD_INPUT, corrupt.exitCode());
        assertTrue(corrupt.err().startsWith("kexec-check: " + bundle.resolve("sys/firmware/fdt") + ": "), corrupt.err());
        assertEquals(1, corrupt.err().strip().lines().count(), corrupt.err());
    }

    private Path copy(Path from) throws Exception {
        Path to = dir.resolve("bundle");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
