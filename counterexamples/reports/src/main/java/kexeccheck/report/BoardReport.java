package kexeccheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Conditions;
import kexeccheck.simulator.firmware.BoardFacts;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.TraceJson;

/** {@code board}'s reports: one board's facts, options and check, or a fleet's rows and counts. */
public final class BoardReport {

    private BoardReport() {}

    /**
     * One board of a fleet.
     *
     * @param file the blob, relative to the fleet's directory
     * @param model the board's model, or why the blob could not be read
     * @param gic its GIC in one word
     * @param cpus its CPUs
     * @param lpiRegion the pre-programmed LPI region's node, or "-"
     * @param efi "yes", "no", or "boot-time" for a package tree (decided when it boots)
     * @param outcome the class of the check on it, empty when unreadable or without a GIC
     * @param readable whether the blob is a valid FDT
     * @param decidedBy the options left open that a violation hangs on ({@link Conditions#deciding()}), joined
     *     by commas; "none" when it fails whatever they are, "?" when that was not computed, "-" when
     *     nothing is violated or there was no check
     */
    public record Row(String file, String model, String gic, int cpus, String lpiRegion, String efi,
            Optional<Outcome> outcome, boolean readable, String decidedBy) {

        /** The row of a readable blob, with its check (empty without a GIC). */
        public static Row of(String file, BoardFacts f, Optional<CheckReport> report) {
            return new Row(file, f.model(), BoardReport.gic(f), f.cpus(), f.lpiRegion().map(BoardFacts.ReservedRegion::node).orElse("-"),
                    f.efi().isPresent() ? "yes" : f.booted() ? "no" : "boot-time", report.map(CheckReport::outcome), true,
                    report.map(Row::decidedBy).orElse("-"));
        }

        /** The row of a blob that is not a valid FDT, saying why. */
        public static Row unreadable(String file, String why) {
            return new Row(file, why, "unreadable", 0, "-", "-", Optional.empty(), false, "-");
        }

        private static String decidedBy(CheckReport report) {
            if (!report.anyViolated()) return "-";
            return report.conditions().filter(Conditions::computed).filter(c -> c.verdict().isPresent())
                    .map(c -> c.deciding().isEmpty() ? "none" : String.join(",", c.deciding())).orElse("?");
        }

        String outcomeName() {
            return !readable ? "unreadable" : outcome.map(Outcome::cliName).orElse("no-gic");
        }
    }

    /** The GIC in one word: GICv3+ITS, GICv3, GICv2, none. */
    public static String gic(BoardFacts f) {
        return switch (f.gic().kind()) {
            case V3 -> f.gic().its().isPresent() ? "GICv3+ITS" : "GICv3";
            case V2 -> "GICv2";
            case NONE -> "none";
        };
    }

    /** One board as text: its facts, what its tree fixes and leaves open, then its check's report if it was checked. */
    public static String text(Path file, BoardFacts f, BoardOptions o, Optional<CheckReport> report, boolean withTimes) {
        StringBuilder out = new StringBuilder();
        out.append("kexec-check ").append(Version.current()).append(": board ").append(file).append(" (")
                .append(f.sizeBytes()).append(" bytes, ").append(f.booted() ? "a running system's tree: " + f.bootedBy().get()
                        : "a kernel package's tree").append(")\n");
        out.append("board: ").append(f.model()).append(f.compatible().equals(f.model()) ? "" : " (" + f.compatible() + ")")
                .append('\n');
        report.ifPresent(r -> out.append(DecisionText.render(r, "the tree")).append('\n'));
        BoardFacts.Gic g = f.gic();
        row(out, "GIC", g.kind() == BoardFacts.GicKind.NONE ? "none the arm64 GIC drivers match"
                : gic(f) + "  " + g.node() + " (" + g.compatible() + ")" + g.its().map(i -> ", ITS " + i).orElse(""));
        g.memoryRegion().ifPresent(m -> row(out, "", "memory-region -> " + m));
        row(out, "CPUs", f.cpus() + "  /cpus");
        if (f.reserved().isEmpty()) {
            row(out, "reserved", "no /reserved-memory children");
        }
        for (BoardFacts.ReservedRegion r : f.reserved()) {
            row(out, r == f.reserved().get(0) ? "reserved" : "", r.node() + "  " + ranges(r.ranges())
                    + (r.noMap() ? " no-map" : "") + (r.reusable() ? " reusable" : "")
                    + (r.compatible().isEmpty() ? "" : " (" + r.compatible() + ")")
                    + (r.lpiTables() ? "  <- LPI tables a bootloader programmed" : ""));
        }
        row(out, "memreserve", f.memreserve().isEmpty() ? "none" : ranges(f.memreserve()));
        row(out, "EFI", f.efi().map(p -> "booted through the EFI stub (" + p + ")")
                .orElse(f.booted() ? "no (" + f.bootedBy().get() + " but no /chosen/linux,uefi-system-table)"
                        : "decided at boot (no boot-time /chosen property: a kernel package's tree)"));
        row(out, "kdump", f.kdump().map(p -> "a kdump kernel's tree (" + p + ")").orElse("no"));
        options(out, "what the tree fixes", o);
        if (report.isEmpty()) {
            out.append("\noutcome: not-applicable: no interrupt controller the arm64 GIC drivers match, no LPI tables"
                    + " to hand over\n");
            return out.toString();
        }
        out.append('\n').append(TextReport.render(report.get(), Optional.empty(), withTimes));
        return out.toString();
    }

    /** The options derived, each with its reason, and those left open. */
    public static void options(StringBuilder out, String heading, BoardOptions o) {
        out.append('\n').append(heading).append(":\n");
        o.values().forEach((option, values) -> out.append(String.format("  --%-16s %-28s %s%n", option,
                String.join(",", values), o.reasons().get(option))));
        out.append(String.format("  --%-16s %-28s %s%n", "cpus", o.cpus(), o.cpusReason()));
        out.append("open (every value explored unless given): ").append(String.join(", ", o.open().stream()
                .map(x -> "--" + x).toList())).append('\n');
    }

    /** The options derived, as JSON: each with its values and reason, the CPUs, and those left open. */
    public static void options(ObjectNode root, BoardOptions o) {
        ObjectNode fixed = root.putObject("options");
        o.values().forEach((option, values) -> {
            ObjectNode v = fixed.putObject(option);
            JsonRoot.putStrings(v, "values", values);
            v.put("reason", o.reasons().get(option));
        });
        root.put("cpus", o.cpus());
        JsonRoot.putStrings(root, "open", o.open());
    }

    /** The check's own JSON report as a tree, to embed. */
    public static com.fasterxml.jackson.databind.JsonNode check(CheckReport report, boolean withTimes) {
        try {
            return TraceJson.mapper().readTree(JsonReport.render(report, Optional.empty(), withTimes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the check's own JSON did not parse", e);
        }
    }

    /** One board as JSON ({@code report: "board"}): the same content as {@link #text}. */
    public static String json(Path file, BoardFacts f, BoardOptions o, Optional<CheckReport> report, boolean withTimes) {
        ObjectNode root = JsonRoot.of(ReportKind.BOARD);
        root.put("file", file.toString());
        root.set("board", facts(f));
        options(root, o);
        if (report.isPresent()) {
            root.set("check", check(report.get(), withTimes));
        } else {
            root.put("outcome", Outcome.NOT_APPLICABLE.cliName());
        }
        return JsonRoot.write(root, "the board report");
    }

    /** A fleet as text: one row per blob and the counts per GIC and per outcome class. */
    public static String fleetText(Path dir, List<Row> rows, int checks, long wallMillis, boolean withTimes) {
        StringBuilder out = new StringBuilder();
        out.append("kexec-check ").append(Version.current()).append(": ").append(rows.size()).append(" boards under ")
                .append(dir).append('\n');
        int fw = Math.max(4, rows.stream().mapToInt(r -> r.file().length()).max().orElse(4));
        int mw = Math.min(40, Math.max(5, rows.stream().mapToInt(r -> r.model().length()).max().orElse(5)));
        int dw = Math.max(10, rows.stream().mapToInt(r -> r.decidedBy().length()).max().orElse(10));
        String format = "  %-" + fw + "s  %-" + mw + "s  %-9s  %4s  %-9s  %-14s  %-" + dw + "s  %s%n";
        out.append(String.format("%n" + format, "file", "board", "GIC", "CPUs", "EFI", "outcome", "decided by",
                "LPI region"));
        for (Row r : rows) {
            out.append(String.format(format, r.file(),
                    r.model().length() > mw ? r.model().substring(0, mw - 1) + "~" : r.model(), r.gic(),
                    r.readable() ? r.cpus() : "-", r.efi(), r.outcomeName(), r.decidedBy(), r.lpiRegion()));
        }
        out.append("\nboards per GIC: ").append(inWords(counts(rows, Row::gic))).append('\n');
        out.append("boards per outcome: ").append(inWords(counts(rows, Row::outcomeName))).append('\n');
        out.append("distinct configurations checked: ").append(checks).append('\n');
        if (withTimes) {
            out.append(String.format("time: %.1f s wall%n", wallMillis / 1000.0));
        }
        return out.toString();
    }

    /** A fleet as JSON ({@code report: "fleet"}): the same content as {@link #fleetText}. */
    public static String fleetJson(Path dir, List<Row> rows, int checks, long wallMillis, boolean withTimes) {
        ObjectNode root = JsonRoot.of(ReportKind.FLEET);
        root.put("directory", dir.toString());
        ArrayNode boards = root.putArray("boards");
        for (Row r : rows) {
            ObjectNode b = boards.addObject();
            b.put("file", r.file());
            b.put(r.readable() ? "model" : "problem", r.model());
            if (r.readable()) {
                b.put("gic", r.gic());
                b.put("cpus", r.cpus());
                b.put("efi", r.efi());
                b.put("lpiRegion", r.lpiRegion());
            }
            b.put("outcome", r.outcomeName());
            b.put("decidedBy", r.decidedBy());
        }
        ObjectNode byGic = root.putObject("boardsPerGic");
        counts(rows, Row::gic).forEach(byGic::put);
        ObjectNode byOutcome = root.putObject("boardsPerOutcome");
        counts(rows, Row::outcomeName).forEach(byOutcome::put);
        root.put("distinctConfigurations", checks);
        if (withTimes) {
            root.putObject("timing").put("wallMillis", wallMillis);
        }
        return JsonRoot.write(root, "the fleet report");
    }

    /** A board's facts as a JSON object, as {@code board} and {@code machine} print them. */
    public static ObjectNode facts(BoardFacts f) {
        ObjectNode b = TraceJson.mapper().createObjectNode();
        b.put("model", f.model());
        b.put("compatible", f.compatible());
        b.put("sizeBytes", f.sizeBytes());
        ObjectNode gic = b.putObject("gic");
        gic.put("kind", gic(f));
        gic.put("node", f.gic().node());
        gic.put("compatible", f.gic().compatible());
        f.gic().its().ifPresent(i -> gic.put("its", i));
        f.gic().memoryRegion().ifPresent(m -> gic.put("memoryRegion", m));
        b.put("cpus", f.cpus());
        ArrayNode reserved = b.putArray("reservedMemory");
        for (BoardFacts.ReservedRegion r : f.reserved()) {
            ObjectNode n = reserved.addObject();
            n.put("node", r.node());
            ArrayNode reg = n.putArray("reg");
            r.ranges().forEach(a -> reg.addObject().put("base", a.base()).put("size", a.size()));
            n.put("noMap", r.noMap());
            n.put("reusable", r.reusable());
            n.put("lpiTables", r.lpiTables());
        }
        ArrayNode memreserve = b.putArray("memreserve");
        f.memreserve().forEach(a -> memreserve.addObject().put("base", a.base()).put("size", a.size()));
        f.efi().ifPresent(e -> b.put("efi", e));
        f.kdump().ifPresent(k -> b.put("kdump", k));
        f.bootedBy().ifPresent(p -> b.put("bootedBy", p));
        return b;
    }

    /** How many rows have each value of {@code key}, in the values' order. */
    /** Counts as a reader writes them, {@code GICv2 2, GICv3 1}, not as a Java map prints itself. */
    static String inWords(Map<String, Integer> counts) {
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    static Map<String, Integer> counts(List<Row> rows, java.util.function.Function<Row, String> key) {
        Map<String, Integer> out = new TreeMap<>();
        rows.forEach(r -> out.merge(key.apply(r), 1, Integer::sum));
        return out;
    }

    private static String ranges(List<AddressRange> ranges) {
        return ranges.isEmpty() ? "(no reg)" : String.join(", ", ranges.stream()
                .map(r -> String.format("0x%x+0x%x", r.base(), r.size())).toList());
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-11s %s%n", label, value));
    }
}
