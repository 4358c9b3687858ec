package kexeccheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.checker.BadInputException;
import kexeccheck.simulator.firmware.BoardFacts;
import kexeccheck.simulator.firmware.MalformedFdtException;
import kexeccheck.simulator.memory.AddressRange;

/**
 * What a running arm64 system shows of the hand-over, read from the files under a root: the
 * kernel's release and command line, {@code /proc/iomem}, {@code /proc/interrupts}, the device tree
 * it booted with and whether {@code /sys/firmware/efi} exists. A live system's root is {@code /};
 * a bundle captured from one (validation/qemu/captures) has the same layout.
 *
 * @param root where the files were read
 * @param release {@code /proc/sys/kernel/osrelease}
 * @param cmdline {@code /proc/cmdline}
 * @param efi whether {@code /sys/firmware/efi} exists (booted through EFI)
 * @param tree the device tree it booted with ({@code /sys/firmware/fdt}), if readable there
 * @param gicResources the GIC's {@code /proc/iomem} entries ({@code GICD}, {@code GICR}, …)
 * @param reservedInRam the {@code reserved} entries nested in {@code System RAM}: what a loader that
 *     honours reserved ranges keeps off (the EFI memreserve'd LPI tables among them)
 * @param itsMsis how many {@code /proc/interrupts} lines are ITS MSIs (LPIs in use), -1 when the
 *     file is not there
 */
record RunningSystem(Path root, String release, String cmdline, boolean efi, Optional<BoardFacts> tree,
        List<String> gicResources, List<AddressRange> reservedInRam, int itsMsis) {

    private static final Pattern IOMEM = Pattern.compile("^( *)([0-9a-fA-F]+)-([0-9a-fA-F]+) : (.*)$");

    /**
     * Reads the files under a root.
     *
     * @throws BadInputException naming the file when a needed one is missing or unreadable, or the
     *     device tree is not a valid FDT
     */
    static RunningSystem read(Path root) {
        String release = text(root, "proc/sys/kernel/osrelease").strip();
        String cmdline = text(root, "proc/cmdline").strip();
        List<String> gic = new ArrayList<>();
        List<AddressRange> reserved = new ArrayList<>();
        boolean inRam = false;
        for (String line : text(root, "proc/iomem").split("\n")) {
            Matcher m = IOMEM.matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean top = m.group(1).isEmpty();
            String name = m.group(4).strip();
            if (top) {
                inRam = name.equals("System RAM");
                if (name.startsWith("GIC")) {
                    gic.add(name);
                }
            } else if (inRam && name.equals("reserved")) {
                long start = Long.parseUnsignedLong(m.group(2), 16);
                long end = Long.parseUnsignedLong(m.group(3), 16);
                if (end >= start && start >= 0) {
                    reserved.add(new AddressRange(start, end - start + 1));
                }
            }
        }
        Path fdt = root.resolve("sys/firmware/fdt");
        Optional<BoardFacts> tree = Optional.empty();
        if (Files.isRegularFile(fdt)) {
            try {
                tree = Optional.of(BoardFacts.read(Files.readAllBytes(fdt)));
            } catch (MalformedFdtException e) {
                throw new BadInputException(fdt + ": " + e.getMessage());
            } catch (IOException e) {
                throw new BadInputException(fdt + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        int its = -1;
        Path interrupts = root.resolve("proc/interrupts");
        if (Files.isRegularFile(interrupts)) {
            its = (int) text(root, "proc/interrupts").lines().filter(l -> l.contains("ITS-")).count();
        }
        return new RunningSystem(root, release, cmdline, Files.isDirectory(root.resolve("sys/firmware/efi")), tree,
                List.copyOf(gic), List.copyOf(reserved), its);
    }

    /** A word of the command line, {@code name} or {@code name=value}: its value ("" for a bare word). */
    Optional<String> parameter(String name) {
        for (String word : cmdline.split("\\s+")) {
            if (word.equals(name)) {
                return Optional.of("");
            }
            if (word.startsWith(name + "=")) {
                return Optional.of(word.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Whether the command line turns a boolean parameter on ({@code 1}, {@code y}, {@code on}, or bare). */
    boolean enabled(String name) {
        return parameter(name).map(v -> v.isEmpty() || v.equals("1") || v.equalsIgnoreCase("y")
                || v.equalsIgnoreCase("on")).orElse(false);
    }

    private static String text(Path root, String file) {
        Path p = root.resolve(file);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(p + ": no such file (--root names a system's root or a captured bundle"
                    + " with proc/ and sys/)");
        } catch (IOException e) {
            throw new BadInputException(p + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
