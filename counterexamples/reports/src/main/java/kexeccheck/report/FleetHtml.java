package kexeccheck.report;

import static kexeccheck.report.MatrixHtml.esc;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fleet of boards as one self-contained HTML page: the counts per GIC kind and per outcome
 * class, then one coloured row per board. No script, font or network, like the matrix's page.
 */
public final class FleetHtml {

    /** The fleet's own words, coloured as the matrix colours not-applicable and cannot-run. */
    private static final Map<String, String> FLEET_WORDS = Map.of("no-gic", "not-applicable", "unreadable", "-");

    private FleetHtml() {}

    /** A fleet as one HTML page: the counts, then one row per blob coloured by its class. */
    public static String render(Path dir, List<BoardReport.Row> rows, int checks, String arguments) {
        StringBuilder h = MatrixHtml.head("kexec-check fleet: " + dir);
        h.append("<h1>Fleet: ").append(rows.size()).append(" boards</h1>\n<p>kexec-check ")
                .append(esc(Version.current())).append(" &middot; ").append(esc(dir.toString())).append(" &middot; ")
                .append(esc(arguments)).append(" &middot; ").append(checks).append(" distinct configurations checked</p>\n");
        counts(h, "Boards per outcome", rows, BoardReport.Row::outcomeName, true);
        counts(h, "Boards per GIC", rows, BoardReport.Row::gic, false);
        h.append("<h2>Boards</h2>\n<table class=\"m\"><tr><th>file</th><th>board</th><th>GIC</th><th>CPUs</th>")
                .append("<th>EFI</th><th>LPI region</th><th>outcome</th><th>decided by</th></tr>\n");
        for (BoardReport.Row r : rows) {
            h.append("<tr><td style=\"text-align:left\">").append(esc(r.file())).append("</td><td style=\"text-align:left\">")
                    .append(esc(r.model())).append("</td><td>").append(esc(r.gic())).append("</td><td>")
                    .append(r.readable() ? String.valueOf(r.cpus()) : "-").append("</td><td>").append(esc(r.efi()))
                    .append("</td><td>").append(esc(r.lpiRegion())).append("</td><td style=\"background:")
                    .append(colour(r.outcomeName())).append("\">").append(esc(r.outcomeName()))
                    .append("</td><td>").append(esc(r.decidedBy())).append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    /** The matrix page's colour of an outcome class (or of a fleet word), by its CLI name. */
    private static String colour(String outcome) {
        String name = FLEET_WORDS.getOrDefault(outcome, outcome);
        return MatrixHtml.colour(name.equals("-") ? "-" : MatrixReport.codeOf(name));
    }

    private static void counts(StringBuilder h, String title, List<BoardReport.Row> rows,
            java.util.function.Function<BoardReport.Row, String> key, boolean coloured) {
        Map<String, Integer> n = BoardReport.counts(rows, key);
        h.append("<h2>").append(esc(title)).append("</h2>\n<table class=\"m\"><tr>");
        n.keySet().forEach(k -> h.append("<th").append(coloured ? " style=\"background:" + colour(k) + "\"" : "")
                .append('>').append(esc(k)).append("</th>"));
        h.append("</tr><tr>");
        n.values().forEach(v -> h.append("<td>").append(v).append("</td>"));
        h.append("</tr></table>\n");
    }
}
