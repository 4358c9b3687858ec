package kexeccheck.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Explains a trace the way a kernel engineer would: the configuration, then
 * step by step which kernel did what to which frame or register, the log
 * lines Linux prints there, and why the property fails at the end.
 */
public final class TraceNarrator {

    private TraceNarrator() {}

    /** The whole explanation, one line per entry, without trailing newlines. */
    public static List<String> explain(Trace trace) {
        List<String> out = new ArrayList<>();
        Configuration config = trace.configuration();
        out.add("configuration: " + config.options().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        out.add("chain:         " + config.chain().stream()
                .map(k -> k.name() + " " + k.profile() + " (" + k.entry() + ")")
                .collect(Collectors.joining(" -> ")));
        out.add("board:         " + describeBoard(config.board()));
        out.add("bounds:        " + trace.bounds().describe());
        State previous = null;
        for (State state : trace.states()) {
            out.add(headline(trace, state));
            out.addAll(indent(details(config, previous, state)));
            if (state.index() == trace.violationState()) {
                out.add(String.format("%3s  %s fails here: %s", "!!", trace.property(),
                        ViolationReason.explain(trace.property(), config, state)));
                break;
            }
            previous = state;
        }
        return out;
    }

    private static String describeBoard(Configuration.Board board) {
        String region = board.lpiRegion().isEmpty() ? "no LPI reserved-memory region"
                : "LPI region " + board.lpiRegion().entrySet().stream()
                        .map(e -> e.getValue() + " (" + e.getKey() + ")").collect(Collectors.joining(", "));
        String crash = board.crashRegion().isEmpty() ? "no crashkernel region"
                : "crashkernel region " + String.join(", ", board.crashRegion());
        return region + "; " + crash + "; frames not named are elsewhere in RAM";
    }

    private static String headline(Trace trace, State state) {
        Configuration.KernelInstance k = trace.configuration().kernel(state.kernel());
        String who = k.name() + " (" + k.profile() + ")";
        String what = switch (Objects.requireNonNullElse(state.event(), "power-on")) {
            case "power-on" -> "power-on: firmware starts " + who + firmwareNote(trace.configuration());
            case "boot-gic" -> who + " initialises its GIC (allocate_lpi_tables, its_cpu_init_lpis on every CPU)";
            case "kexec" -> "kexec into " + who + segmentNote(k);
            case "crash-kexec" -> "panic; crash kexec into " + who + segmentNote(k);
            case "msi-arrives" -> "a device MSI arrives while " + who + " runs";
            case "stutter" -> "nothing happens";
            default -> state.event() + " (" + who + ")";
        };
        return String.format("%3d  %s", state.index(), what);
    }

    private static String firmwareNote(Configuration config) {
        if (!String.valueOf(config.options().get("firmware")).endsWith("-preprogrammed")) return "";
        // U-Boot writes PROPBASER through redistributor 0's frame only: the others see it only if the GIC shares it
        return "per-redistributor".equals(config.options().get("propbaser-sharing"))
                ? "; the bootloader has enabled LPIs on every redistributor but written PROPBASER through"
                        + " redistributor 0 only, which this GIC does not share"
                : "; the bootloader has programmed every redistributor and enabled LPIs";
    }

    private static String segmentNote(Configuration.KernelInstance k) {
        List<String> placed = new ArrayList<>();
        if (k.image() != null) placed.add("image at " + k.image());
        if (k.initrd() != null) placed.add("initrd at " + k.initrd());
        if (k.dtb() != null) placed.add("DTB at " + k.dtb());
        return placed.isEmpty() ? "" : "; the loader placed its " + String.join(", ", placed);
    }

    private static List<String> details(Configuration config, State before, State now) {
        List<String> lines = new ArrayList<>();
        if (now.propertyTable() != null) {
            boolean adopted = now.log().stream().anyMatch(l -> l.message().equals("UsingPreallocated"));
            lines.add("property table " + now.propertyTable() + (adopted ? " (adopted, reset in place)" : " (allocated)")
                    + (now.allocatedPending().isEmpty() ? ""
                            : "; pending tables allocated: " + join(now.allocatedPending())));
        }
        if (!now.cpuModes().isEmpty() && now.cpuModes().values().stream().anyMatch(m -> !m.equals("untouched"))) {
            lines.add("per CPU: " + join(now.cpuModes()));
        } else if (!now.cpuModes().isEmpty()) {
            lines.add("this kernel does not use LPIs: the GIC is left as it is");
        }
        for (State.Redistributor r : now.redistributors()) {
            State.Redistributor was = before == null ? null : before.redistributor(r.cpu());
            if (before == null ? r.enableLpis() : !r.equals(was)) {
                lines.add(r.cpu() + " redistributor: EnableLPIs=" + (r.enableLpis() ? 1 : 0)
                        + " PROPBASER=" + Objects.requireNonNullElse(r.propbaser(), "-")
                        + " PENDBASER=" + Objects.requireNonNullElse(r.pendbaser(), "-"));
            }
        }
        if (before != null && !before.its().equals(now.its())) {
            lines.add("ITS " + now.its() + " (quiesced and reprogrammed first)");
        }
        Map<String, String> changed = new LinkedHashMap<>();
        now.memory().forEach((frame, use) -> {
            if (before == null || !use.equals(before.memory().get(frame))) {
                changed.put(frame, use);
            }
        });
        if (!changed.isEmpty()) {
            String kernel = now.kernel();
            lines.add((before == null || !before.kernel().equals(kernel) ? kernel + " sees " : kernel + " now uses ")
                    + byUse(changed));
        }
        List<String> added = new ArrayList<>(now.memreserve());
        if (before != null) added.removeAll(before.memreserve());
        if (!added.isEmpty()) {
            lines.add("EFI memreserve list gains " + String.join(", ", added));
        }
        for (State.TableWrite w : now.tableWrites()) {
            lines.add("writes " + w.frame() + " as a GIC table (it was " + w.before() + ")");
        }
        for (State.PendingWrite w : now.pendingWrites()) {
            lines.add("the GIC sets a pending bit for " + w.cpu() + " in " + w.frame() + ", which "
                    + now.kernel() + " uses as " + w.use());
        }
        for (State.LogLine l : now.log()) {
            lines.add("log: " + l.text());
        }
        return lines;
    }

    private static String byUse(Map<String, String> frames) {
        Map<String, List<String>> grouped = new TreeMap<>();
        frames.forEach((f, u) -> grouped.computeIfAbsent(u, x -> new ArrayList<>()).add(f));
        return grouped.entrySet().stream()
                .map(e -> String.join(",", e.getValue()) + " as " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    private static String join(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static List<String> indent(List<String> lines) {
        return lines.stream().map(l -> "       " + l).toList();
    }
}
