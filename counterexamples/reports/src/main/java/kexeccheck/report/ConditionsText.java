package kexeccheck.report;

import java.util.Map;
import kexeccheck.checker.Condition;
import kexeccheck.checker.Conditions;

/**
 * What each violated property needs, as the lines a text report leads with: per property the
 * configurations it fails in and those it holds in, over the options left open, then which those are
 * (or one line saying they were too many to classify).
 *
 * <pre>
 *   no-stray-write  fails when: loader=ignores-reserved, or dtb=user-without-reserved
 *                   holds when: dtb=passthrough and loader=honours-reserved
 *   lpis-delivered  fails in every configuration that runs
 *   (over the options left open: dtb, loader, kexec; 8 configurations, 6 of which run)
 * </pre>
 */
public final class ConditionsText {

    private ConditionsText() {}

    /**
     * The lines, each indented by two spaces and ended by a newline; none when no option was left open
     * (every violated property then fails in the one configuration there is, which the report says already).
     */
    public static String render(Conditions conditions) {
        if (conditions.space().options().isEmpty()) {
            return "";
        }
        String open = String.join(", ", conditions.space().options());
        int all = conditions.space().size();
        if (!conditions.computed()) {
            return "  (fails when / holds when not computed: the options left open (" + open + ") make " + all
                    + " configurations, more than --conditions-limit " + conditions.limit()
                    + "; narrow them, or raise the limit)\n";
        }
        StringBuilder out = new StringBuilder();
        int width = conditions.properties().keySet().stream().mapToInt(String::length).max().orElse(0);
        String pad = " ".repeat(width);
        for (Map.Entry<String, Conditions.OfProperty> e : conditions.properties().entrySet()) {
            Conditions.OfProperty p = e.getValue();
            String name = String.format("%-" + width + "s", e.getKey());
            if (p.failsWhereverItRuns()) {
                // the complement is empty: a "holds when" line would be an empty disjunction
                out.append("  ").append(name).append("  fails in every configuration that runs\n");
            } else {
                out.append("  ").append(name).append("  fails when: ").append(describe(p.failsWhen())).append('\n');
                out.append("  ").append(pad).append("  holds when: ").append(describe(p.holdsWhen())).append('\n');
            }
        }
        out.append("  (over the options left open: ").append(open).append("; ").append(all).append(" configurations, ")
                .append(conditions.running() == all ? "all" : String.valueOf(conditions.running())).append(" of which run)\n");
        return out.toString();
    }

    /** A condition in words, saying when it is a greedy cover rather than a shortest one. */
    static String describe(Condition c) {
        return c.describe() + (c.minimum() ? "" : " (greedy cover: maybe not the shortest)");
    }
}
