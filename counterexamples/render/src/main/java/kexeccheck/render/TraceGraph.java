package kexeccheck.render;

import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;

import guru.nidi.graphviz.attribute.Attributes;
import guru.nidi.graphviz.attribute.ForLink;
import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.model.Compass;
import guru.nidi.graphviz.model.Link;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;
import guru.nidi.graphviz.model.Serializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.Offence;
import kexeccheck.trace.State;
import kexeccheck.trace.Trace;
import kexeccheck.trace.ViolationReason;

/**
 * The graph of one counterexample, built with graphviz-java's model and
 * written as DOT.
 *
 * <p>Left to right: the physical memory (each frame with what the board and
 * the EFI memreserve list say about it), then one column per kernel of the
 * chain (profile, how it was entered, what its GIC driver did, and every frame
 * as that kernel sees it at the end of its run), then the GIC's
 * redistributors, whose PROPBASER and PENDBASER registers point at the frames
 * they name. Rows line up, so a frame reads across: what the previous kernel
 * used it for, what the next one thinks it is. Between two kernels, arrows
 * carry the LPI tables that are still live at the kexec. The offence (the
 * stray write, the table write over a frame in use, or the live table the
 * kernel uses for something else) is red, with its step number.
 *
 * <p>Deterministic: the same trace gives byte-identical DOT.
 */
public final class TraceGraph {

    static final String RED = "#d62728";
    private static final String TABLE_BLUE = "#cfe2f3";
    private static final String SEGMENT_YELLOW = "#fff2cc";
    private static final String RESERVED_GREEN = "#d9ead3";
    private static final String CRASH_PURPLE = "#e6dcf0";
    private static final String OUTSIDE_GREY = "#e8e8e8";
    private static final String AT_RISK_PINK = "#f9d5d3";
    private static final String LIVE_BLUE = "#1f5fa8";
    private static final String MUTED = "#555555";
    private static final String FONT = "Helvetica";

    private static final int COLUMN_WIDTH = 210;
    private static final int FRAME_ROW_HEIGHT = 40;
    private static final int HEADER_ROW_HEIGHT = 24;

    private final Trace trace;
    private final Configuration config;
    private final List<Offence> offences;
    private final List<Column> columns;
    private final List<String> rows;
    private final List<String> quietFrames;

    private TraceGraph(Trace trace) {
        this.trace = trace;
        this.config = trace.configuration();
        this.offences = ViolationReason.offences(trace);
        this.columns = columns(trace);
        List<String> shown = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        for (String frame : frameOrder(config)) {
            (interesting(frame) ? shown : quiet).add(frame);
        }
        if (!quiet.isEmpty()) {
            shown.add(QUIET);
        }
        this.rows = shown;
        this.quietFrames = quiet;
    }

    /** The graph of the trace, as graphviz-java's model. */
    public static MutableGraph of(Trace trace) {
        return new TraceGraph(trace).build();
    }

    /** The graph of the trace as DOT text, ending with a newline. */
    public static String dot(Trace trace) {
        String text = new Serializer().notValidating().serialize(of(trace));
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Port name of the row that stands for every frame nothing happens to. */
    private static final String QUIET = "quiet";

    /** One kernel's column: the kernel, the steps it runs, and the state whose memory it shows. */
    private record Column(Configuration.KernelInstance kernel, int first, int last) {
        boolean isLast(Trace t) {
            return last == t.violationState();
        }
    }

    private static List<Column> columns(Trace trace) {
        Map<String, int[]> span = new LinkedHashMap<>();
        for (State s : trace.states().subList(0, trace.violationState() + 1)) {
            span.computeIfAbsent(s.kernel(), k -> new int[] {s.index(), s.index()})[1] = s.index();
        }
        List<Column> out = new ArrayList<>();
        for (Configuration.KernelInstance k : trace.configuration().chain()) {
            int[] steps = span.get(k.name());
            if (steps != null) {
                out.add(new Column(k, steps[0], steps[1]));
            }
        }
        return out;
    }

    /** The frames in physical order (F0, F1, … F10), whatever order the trace lists them in. */
    private static List<String> frameOrder(Configuration config) {
        return config.frames().stream()
                .sorted((a, b) -> Integer.compare(number(a), number(b)))
                .toList();
    }

    private static int number(String frame) {
        try {
            return Integer.parseInt(frame.substring(1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private boolean interesting(String frame) {
        if (config.board().lpiRegion().containsValue(frame) || config.board().crashRegion().contains(frame)) {
            return true;
        }
        for (Offence o : offences) {
            if (o.frames().contains(frame)) return true;
        }
        for (State s : trace.states().subList(0, trace.violationState() + 1)) {
            if (s.memreserve().contains(frame)) return true;
            for (State.Redistributor r : s.redistributors()) {
                if (frame.equals(r.propbaser()) || frame.equals(r.pendbaser())) return true;
            }
        }
        for (Column c : columns) {
            String use = trace.states().get(c.last()).memory().get(frame);
            if (use != null && !use.equals("free")) return true;
        }
        return false;
    }

    private MutableGraph build() {
        MutableGraph g = mutGraph("counterexample").setDirected(true);
        g.graphAttrs().add("rankdir", "LR");
        g.graphAttrs().add("nodesep", "0.3");
        g.graphAttrs().add("ranksep", "1.1");
        g.graphAttrs().add("fontname", FONT);
        g.graphAttrs().add("labelloc", "t");
        g.graphAttrs().add("labeljust", "l");
        g.graphAttrs().add("label", Label.html(title()));
        g.nodeAttrs().add("shape", "plain");
        g.nodeAttrs().add("fontname", FONT);
        g.linkAttrs().add("fontname", FONT);
        g.linkAttrs().add("fontsize", "11");

        MutableNode memory = mutNode("memory").add(Label.html(memoryTable()));
        g.add(memory);
        List<MutableNode> kernels = new ArrayList<>();
        for (Column c : columns) {
            MutableNode n = mutNode(c.kernel().name()).add(Label.html(kernelTable(c)));
            kernels.add(n);
            g.add(n);
        }
        MutableNode gic = mutNode("gic").add(Label.html(gicTable()));
        g.add(gic);

        // Rows line up across columns: invisible, heavy edges between the same frame's rows.
        for (String row : rows) {
            memory.addLink(invisible(memory, kernels.get(0), row));
        }
        for (int i = 0; i + 1 < columns.size(); i++) {
            Column next = columns.get(i + 1);
            State handover = trace.states().get(next.first());
            Set<String> live = liveFrames(handover);
            MutableNode from = kernels.get(i);
            MutableNode to = kernels.get(i + 1);
            from.addLink(Link.between(from.port("head", Compass.EAST).port(), to.port("head", Compass.WEST))
                    .with(attrs(
                            "id", "kexec-" + from.name() + "-" + to.name(),
                            "label", Label.html(kexecLabel(next, live)),
                            "penwidth", "2.5",
                            "weight", "20")));
            for (String row : rows) {
                if (live.contains(row)) {
                    boolean bad = offending(row) && next.isLast(trace);
                    from.addLink(Link.between(from.port(row, Compass.EAST).port(), to.port(row, Compass.WEST))
                            .with(attrs(
                                    "id", "handover-" + from.name() + "-" + to.name() + "-" + row,
                                    "color", bad ? RED : LIVE_BLUE,
                                    "penwidth", bad ? "3" : "2",
                                    "weight", "10",
                                    "tooltip", row + ": a live LPI table that " + from.name() + " leaves to "
                                            + to.name())));
                } else {
                    from.addLink(invisible(from, to, row));
                }
            }
        }
        MutableNode last = kernels.get(kernels.size() - 1);
        addRegisterArrows(last, gic);
        return g;
    }

    private static Link invisible(MutableNode from, MutableNode to, String row) {
        return Link.between(from.port(row, Compass.EAST).port(), to.port(row, Compass.WEST))
                .with(attrs("style", "invis", "weight", "10"));
    }

    @SuppressWarnings("unchecked")
    private static Attributes<ForLink> attrs(Object... keyValues) {
        List<Attributes<? extends ForLink>> list = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            list.add(Attributes.attr((String) keyValues[i], keyValues[i + 1]));
        }
        return Attributes.attrs(list);
    }

    /** Register arrows from the GIC to the last kernel's view; red where the offence is. */
    private void addRegisterArrows(MutableNode last, MutableNode gic) {
        State v = trace.violation();
        boolean anyOnRows = false;
        Set<Offence> labelled = new java.util.HashSet<>();
        for (State.Redistributor r : v.redistributors()) {
            for (String reg : List.of("PROPBASER", "PENDBASER")) {
                String frame = reg.equals("PROPBASER") ? r.propbaser() : r.pendbaser();
                if (frame == null) continue;
                String row = rows.contains(frame) ? frame : rows.contains(QUIET) ? QUIET : null;
                if (row == null) continue;
                Offence o = offenceOf(r.cpu(), frame, reg);
                boolean live = r.enableLpis();
                List<Object> a = new ArrayList<>(List.of(
                        "id", "reg-" + r.cpu() + "-" + reg,
                        "dir", "back",
                        "arrowtail", "normal",
                        "constraint", "true",
                        "weight", "1",
                        "color", o != null ? RED : live ? LIVE_BLUE : "#999999",
                        "penwidth", o != null ? "3" : "1.5",
                        "tooltip", r.cpu() + " " + reg + " names " + frame));
                if (!live) a.addAll(List.of("style", "dashed"));
                if (o != null && labelled.add(o)) {
                    a.addAll(List.of("fontcolor", RED, "label", Label.html("<b>step " + v.index() + "</b>: "
                            + esc(arrowNote(o)))));
                }
                last.addLink(Link.between(last.port(row, Compass.EAST).port(), gic.port(r.cpu() + "_" + reg,
                        Compass.WEST)).with(attrs(a.toArray())));
                anyOnRows = true;
            }
        }
        if (!anyOnRows) {
            last.addLink(Link.between(last.port("head", Compass.EAST).port(), gic.port("head", Compass.WEST))
                    .with(attrs("style", "invis")));
        }
    }

    private static String arrowNote(Offence o) {
        return switch (o.kind()) {
            case PENDING_WRITE -> "MSI sets a pending bit";
            case LIVE_PENDING_TABLE -> "live pending table";
            case LIVE_PROPERTY_TABLE -> "live property table";
            case FOREIGN_TABLES -> o.cpu() + "'s LPIs are lost";
            case PROPERTY_TABLES_DIFFER -> "another property table";
            default -> "";
        };
    }

    /** The offence this register arrow is part of, or null. */
    private Offence offenceOf(String cpu, String frame, String register) {
        for (Offence o : offences) {
            boolean matches = switch (o.kind()) {
                case PENDING_WRITE, LIVE_PENDING_TABLE -> register.equals("PENDBASER");
                case LIVE_PROPERTY_TABLE, PROPERTY_TABLES_DIFFER -> register.equals("PROPBASER");
                case FOREIGN_TABLES -> true;
                default -> false;
            };
            boolean sameCpu = o.cpu() == null || o.cpu().equals(cpu);
            if (matches && sameCpu && o.frames().contains(frame)) return o;
        }
        return null;
    }

    private boolean offending(String frame) {
        return offences.stream().anyMatch(o -> o.kind() != Offence.Kind.FOREIGN_TABLES
                && o.kind() != Offence.Kind.PROPERTY_TABLES_DIFFER && o.frames().contains(frame));
    }

    private static String kexecLabel(Column next, Set<String> live) {
        Configuration.KernelInstance k = next.kernel();
        String how = k.entry().equals("crash-kexec") ? "crash kexec" : "kexec";
        List<String> placed = new ArrayList<>();
        if (k.image() != null) placed.add("image " + k.image());
        if (k.initrd() != null) placed.add("initrd " + k.initrd());
        if (k.dtb() != null) placed.add("DTB " + k.dtb());
        return "<B>step " + next.first() + ": " + how + "</B>"
                + "<BR/><FONT POINT-SIZE=\"10\">" + (live.isEmpty() ? "no live LPI tables"
                        : "live LPI tables: " + String.join(" ", live)) + "</FONT>"
                + (placed.isEmpty() ? "" : "<BR/><FONT POINT-SIZE=\"10\">loader placed " + String.join(", ", placed)
                        + "</FONT>");
    }

    private static Set<String> liveFrames(State s) {
        Set<String> live = new TreeSet<>((a, b) -> Integer.compare(number(a), number(b)));
        for (State.Redistributor r : s.redistributors()) {
            if (r.enableLpis()) {
                if (r.propbaser() != null) live.add(r.propbaser());
                if (r.pendbaser() != null) live.add(r.pendbaser());
            }
        }
        return live;
    }

    // ---- the title ------------------------------------------------------------------------------------

    private String title() {
        String options = config.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("  "));
        List<String> reasons = offences.isEmpty() ? List.of("the property's predicate is false here")
                : offences.stream().map(Offence::text).distinct().toList();
        StringBuilder why = new StringBuilder();
        for (String reason : reasons) {
            why.append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\" COLOR=\"" + RED + "\"><B>step ")
                    .append(trace.violationState()).append(":</B> ").append(esc(reason)).append("</FONT></TD></TR>");
        }
        return "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
                + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\"><B>" + esc(trace.property()) + "</B> violated"
                + " \u2192 " + esc(trace.outcome()) + "</FONT></TD></TR>"
                + why
                + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"12\">chain: " + esc(chain()) + "</FONT></TD></TR>"
                + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" COLOR=\"" + MUTED + "\">model " + esc(trace.model())
                + "   " + esc(options) + "   (" + esc(trace.bounds().describe()) + ")</FONT></TD></TR>"
                + "</TABLE>";
    }

    /** The whole chain, with the kernels the run never reached. */
    private String chain() {
        Set<String> reached = columns.stream().map(c -> c.kernel().name()).collect(Collectors.toSet());
        return config.chain().stream()
                .map(k -> k.name() + " " + k.profile() + " (" + (reached.contains(k.name())
                        ? k.entry().replace('-', ' ') : "not reached") + ")")
                .collect(Collectors.joining(" \u2192 "));
    }

    // ---- the memory column ----------------------------------------------------------------------------

    private String memoryTable() {
        StringBuilder t = table();
        String firmware = config.options().getOrDefault("firmware", "?");
        t.append(header("head", "<B>physical memory</B>", 15));
        t.append(header(null, "firmware: " + esc(firmware) + reservedMemoryNote(), 11));
        t.append(header(null, memreserveNote(), 11));
        t.append(header(null, "<I>frame: board, firmware</I>", 10));
        for (String row : rows) {
            if (row.equals(QUIET)) {
                t.append(frameCell(row, "#ffffff", "<B>" + String.join(" ", quietFrames) + "</B>",
                        "<FONT COLOR=\"" + MUTED + "\">free everywhere, unused</FONT>", "black"));
                continue;
            }
            List<String> notes = new ArrayList<>();
            config.board().lpiRegion().forEach((slot, f) -> {
                if (f.equals(row)) {
                    notes.add("reserved-memory LPI region: " + (slot.equals("property") ? "property" : "pending " + slot));
                }
            });
            if (config.board().crashRegion().contains(row)) notes.add("crashkernel= region");
            Integer since = memreservedSince(row);
            if (since != null) notes.add("EFI memreserve (step " + since + ")");
            t.append(frameCell(row, "#ffffff", "<B>" + row + "</B>",
                    notes.isEmpty() ? "<FONT COLOR=\"" + MUTED + "\">RAM</FONT>"
                            : "<FONT COLOR=\"#2e6b2e\">" + esc(String.join(", ", notes)) + "</FONT>", "black"));
        }
        return t.append("</TABLE>").toString();
    }

    private String reservedMemoryNote() {
        String rm = config.options().get("reserved-memory");
        if (config.board().lpiRegion().isEmpty() || rm == null) return "";
        return ", LPI region " + (rm.equals("nomap") ? "no-map" : "mapped");
    }

    private String memreserveNote() {
        Set<String> listed = new LinkedHashSet<>();
        trace.states().subList(0, trace.violationState() + 1).forEach(s -> listed.addAll(s.memreserve()));
        if (listed.isEmpty()) {
            return "efi".equals(config.options().get("firmware")) ? "EFI memreserve list: empty"
                    : "no EFI: no memreserve list";
        }
        return "EFI memreserve list: " + esc(String.join(" ", listed));
    }

    private Integer memreservedSince(String frame) {
        for (State s : trace.states().subList(0, trace.violationState() + 1)) {
            if (s.memreserve().contains(frame)) return s.index();
        }
        return null;
    }

    // ---- a kernel's column ----------------------------------------------------------------------------

    private String kernelTable(Column c) {
        Configuration.KernelInstance k = c.kernel();
        State view = trace.states().get(c.last());
        boolean last = c.isLast(trace);
        StringBuilder t = table();
        t.append(header("head", "<B>" + esc(k.name()) + "  " + esc(k.profile()) + "</B>", 15));
        t.append(header(null, esc(entry(c)), 11));
        t.append(header(null, gicSummary(c), 11));
        t.append(header(null, "<I>memory as " + esc(k.name()) + " sees it, step " + view.index() + "</I>", 10));
        Map<String, List<String>> namedBy = namedBy(view);
        for (String row : rows) {
            if (row.equals(QUIET)) {
                t.append(frameCell(row, "#ffffff", "free", "", "black"));
                continue;
            }
            String use = view.memory().get(row);
            String offence = last ? offenceNote(row) : null;
            String second;
            if (offence != null) {
                second = "<B>step " + view.index() + ": " + esc(offence) + "</B>";
            } else {
                second = "";
            }
            boolean atRisk = offence == null && namedBy.containsKey(row) && !fitsLiveTable(use, namedBy.get(row));
            if (offence == null && namedBy.containsKey(row)) {
                second = "<FONT COLOR=\"" + (atRisk ? RED : LIVE_BLUE) + "\">live: "
                        + esc(String.join(", ", namedBy.get(row))) + "</FONT>";
            }
            if (second.isEmpty() && use != null && (use.equals("property-table") || use.startsWith("pending-table:"))
                    && view.phase().equals("up")) {
                second = "<FONT COLOR=\"" + MUTED + "\">no redistributor uses it</FONT>";
            }
            String fill = offence != null ? RED : atRisk ? AT_RISK_PINK : fillOf(use);
            String ink = offence != null ? "white" : "black";
            t.append(frameCell(row, fill, "<FONT POINT-SIZE=\"10\">" + row + "</FONT>  <B>" + esc(describe(use))
                    + "</B>", second, ink));
        }
        return t.append("</TABLE>").toString();
    }

    private String entry(Column c) {
        Configuration.KernelInstance k = c.kernel();
        return switch (k.entry()) {
            case "firmware-boot" -> "booted by firmware (" + config.options().getOrDefault("firmware", "?") + ")"
                    + ("dt-preprogrammed".equals(config.options().get("firmware")) ? ": LPI tables preset" : "");
            case "kexec" -> "entered by kexec, step " + c.first();
            case "crash-kexec" -> "entered by crash kexec (kdump), step " + c.first();
            default -> k.entry() + ", step " + c.first();
        };
    }

    private String gicSummary(Column c) {
        for (State s : trace.states().subList(c.first(), c.last() + 1)) {
            if (!s.cpuModes().isEmpty()) {
                Map<String, List<String>> byMode = new LinkedHashMap<>();
                s.cpuModes().forEach((cpu, mode) -> byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(cpu));
                String modes = byMode.entrySet().stream()
                        .map(e -> String.join("+", e.getValue()) + " " + modeWords(e.getKey()))
                        .collect(Collectors.joining(", "));
                boolean bad = s.cpuModes().values().stream().anyMatch(m -> m.equals("disable-failed"));
                return "GIC init, step " + s.index() + ": "
                        + (bad ? "<FONT COLOR=\"" + RED + "\">" + esc(modes) + "</FONT>" : esc(modes));
            }
        }
        return "<FONT COLOR=\"" + MUTED + "\">GIC driver not initialised yet</FONT>";
    }

    private static String modeWords(String mode) {
        return switch (mode) {
            case "adopted" -> "adopted the live tables";
            case "programmed" -> "programmed new tables";
            case "disable-failed" -> "failed to disable LPIs";
            case "writes-ignored" -> "reprogrammed (writes ignored)";
            case "untouched" -> "left alone (no LPIs)";
            case "offline" -> "never brought up (nr_cpus=1): keeps its registers";
            default -> mode;
        };
    }

    /** For each frame, the live registers that name it in this state ({@code CPU0 PENDBASER}). */
    private static Map<String, List<String>> namedBy(State s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (State.Redistributor r : s.redistributors()) {
            if (!r.enableLpis()) continue;
            if (r.propbaser() != null) out.computeIfAbsent(r.propbaser(), f -> new ArrayList<>()).add(r.cpu() + " PROPBASER");
            if (r.pendbaser() != null) out.computeIfAbsent(r.pendbaser(), f -> new ArrayList<>()).add(r.cpu() + " PENDBASER");
        }
        return out;
    }

    /**
     * Whether a frame the live registers name is safe as the kernel sees it: set aside
     * (reserved, not its RAM) or used by the kernel as that very table.
     */
    private static boolean fitsLiveTable(String use, List<String> registers) {
        if (use == null || ViolationReason.harmless(use)) {
            return true;
        }
        for (String reg : registers) {
            String cpu = reg.substring(0, reg.indexOf(' '));
            boolean fits = reg.endsWith("PROPBASER") ? use.equals("property-table") : use.equals("pending-table:" + cpu);
            if (!fits) return false;
        }
        return true;
    }

    /** What the offence does to this frame, in a few words, or null when it is not offending. */
    private String offenceNote(String frame) {
        for (Offence o : offences) {
            if (!o.frames().contains(frame)) continue;
            switch (o.kind()) {
                case PENDING_WRITE:
                    return "GIC writes a pending bit (" + o.cpu() + ")";
                case TABLE_WRITE:
                    return trace.violation().kernel() + " writes a GIC table over it";
                case LIVE_PENDING_TABLE:
                    return "still " + o.cpu() + "'s live pending table";
                case LIVE_PROPERTY_TABLE:
                    return "still the live property table";
                default:
                    break;
            }
        }
        return null;
    }

    static String describe(String use) {
        if (use == null) return "not in its memory map";
        if (use.startsWith("pending-table:")) return "LPI pending table " + use.substring("pending-table:".length());
        return switch (use) {
            case "free" -> "free";
            case "image" -> "kernel image";
            case "initrd" -> "initrd";
            case "dtb" -> "DTB";
            case "fw-reserved" -> "reserved (/reserved-memory)";
            case "memreserve" -> "reserved (EFI memreserve)";
            case "handed-over" -> "reserved (handed over)";
            case "crash-kernel" -> "crashkernel= region";
            case "outside" -> "not its RAM";
            case "property-table" -> "LPI property table";
            default -> use;
        };
    }

    private static String fillOf(String use) {
        if (use == null) return OUTSIDE_GREY;
        if (use.startsWith("pending-table:") || use.equals("property-table")) return TABLE_BLUE;
        return switch (use) {
            case "free" -> "#ffffff";
            case "image", "initrd", "dtb" -> SEGMENT_YELLOW;
            case "fw-reserved", "memreserve", "handed-over" -> RESERVED_GREEN;
            case "crash-kernel" -> CRASH_PURPLE;
            default -> OUTSIDE_GREY;
        };
    }

    // ---- the GIC column -------------------------------------------------------------------------------

    private String gicTable() {
        State v = trace.violation();
        StringBuilder t = table();
        t.append(header("head", "<B>GIC</B> at step " + v.index(), 15));
        t.append(header(null, "EnableLPIs " + esc(hardwareWords()), 11));
        for (State.Redistributor r : v.redistributors()) {
            t.append("<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"#f3f3f3\" HEIGHT=\"" + HEADER_ROW_HEIGHT + "\"><B>"
                    + esc(r.cpu()) + "</B> redistributor  EnableLPIs=" + (r.enableLpis() ? 1 : 0) + "</TD></TR>");
            t.append(register(r.cpu(), "PROPBASER", r.propbaser()));
            t.append(register(r.cpu(), "PENDBASER", r.pendbaser()));
        }
        t.append("<TR><TD ALIGN=\"LEFT\" HEIGHT=\"" + HEADER_ROW_HEIGHT + "\">ITS " + esc(v.its()) + "</TD></TR>");
        return t.append("</TABLE>").toString();
    }

    private String hardwareWords() {
        String hw = config.options().get("hardware");
        if (hw == null) return "";
        return switch (hw) {
            case "sticky" -> "is sticky: registers survive kexec";
            case "clearable" -> "can be cleared (GICR_CTLR.CES)";
            default -> "(" + hw + ")";
        };
    }

    private String register(String cpu, String name, String frame) {
        return "<TR><TD PORT=\"" + cpu + "_" + name + "\" ALIGN=\"LEFT\" HEIGHT=\"" + HEADER_ROW_HEIGHT + "\">"
                + "  " + name + " \u2192 " + (frame == null ? "-" : "<B>" + frame + "</B>") + "</TD></TR>";
    }

    // ---- HTML-like label pieces -----------------------------------------------------------------------

    private static StringBuilder table() {
        return new StringBuilder("<TABLE BORDER=\"1\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\""
                + " COLOR=\"#888888\">");
    }

    private static String header(String port, String html, int size) {
        return "<TR><TD" + (port == null ? "" : " PORT=\"" + port + "\"") + " WIDTH=\"" + COLUMN_WIDTH
                + "\" HEIGHT=\"" + HEADER_ROW_HEIGHT + "\" FIXEDSIZE=\"FALSE\" BGCOLOR=\"#f3f3f3\">"
                + "<FONT POINT-SIZE=\"" + size + "\">" + html + "</FONT></TD></TR>";
    }

    private static String frameCell(String port, String fill, String first, String second, String ink) {
        String body = first + (second.isEmpty() ? "" : "<BR/><FONT POINT-SIZE=\"10\">" + second + "</FONT>");
        return "<TR><TD PORT=\"" + port + "\" WIDTH=\"" + COLUMN_WIDTH + "\" HEIGHT=\"" + FRAME_ROW_HEIGHT
                + "\" BGCOLOR=\"" + fill + "\"><FONT COLOR=\"" + ink + "\">" + body + "</FONT></TD></TR>";
    }

    static String esc(String s) {
        return Objects.requireNonNullElse(s, "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
