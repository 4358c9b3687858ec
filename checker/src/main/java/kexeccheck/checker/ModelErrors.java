package kexeccheck.checker;

import edu.mit.csail.sdg.alloy4.Err;
import edu.mit.csail.sdg.alloy4.Pos;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.models.ShippedModels;

/**
 * Alloy's parse and type errors in words that tell a proposal's author what to do: the file and
 * line, and for a name that does not exist the declared name it most likely means, for an
 * {@code open} of a missing module the module and where it was looked for.
 */
final class ModelErrors {

    private static final Pattern UNKNOWN_NAME = Pattern.compile("The name \"([^\"]+)\" cannot be found\\.");
    private static final Pattern MISSING_FILE = Pattern.compile("File cannot be found\\.\\s*(\\S+\\.als)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("abstract", "all", "and", "as", "assert", "but", "check",
            "disj", "else", "exactly", "extends", "fact", "for", "fun", "iden", "iff", "implies", "in", "lone",
            "let", "module", "no", "none", "not", "one", "open", "or", "pred", "run", "set", "sig", "some", "sum",
            "univ", "var", "always", "eventually", "after", "before", "historically", "once", "until", "since",
            "releases", "triggered", "steps", "enum", "private", "this", "seq", "Int", "int");

    private ModelErrors() {}

    /** One line for a model that does not parse or type-check. */
    static String describe(Err e, ModelSource source) {
        Pos pos = e.pos == null ? Pos.UNKNOWN : e.pos;
        String message = e.msg.strip().replaceAll("\\s*\\n\\s*", " ");
        Matcher missing = MISSING_FILE.matcher(message);
        if (missing.find()) {
            return missingModule(Path.of(missing.group(1)), source);
        }
        int mainLines = (int) source.mainText().chars().filter(c -> c == '\n').count() + 1;
        if (source.mainPath().equals(pos.filename) && pos.y > mainLines) {
            return source.name() + ": does not follow kexec-check's conventions (" + message + ")";
        }
        Matcher unknown = UNKNOWN_NAME.matcher(message);
        if (unknown.find()) {
            message += closest(unknown.group(1), source).map(n -> " Did you mean \"" + n + "\"?")
                    .orElse(" (docs/model-reference.md lists the names a proposal can use)");
        }
        return LoadedModel.displayPath(pos.filename, source) + ":" + pos.y + ":" + pos.x + ": " + message;
    }

    /** {@code open} of a module that is neither beside the model nor shipped. */
    private static String missingModule(Path wanted, ModelSource source) {
        Path root = Path.of(source.mainPath()).getParent();
        String module = wanted.toString();
        if (root != null && wanted.startsWith(root)) {
            module = root.relativize(wanted).toString().replace('\\', '/');
        }
        module = module.endsWith(".als") ? module.substring(0, module.length() - 4) : module;
        String at = source.name();
        Matcher open = Pattern.compile("(?m)^\\s*open\\s+" + Pattern.quote(module) + "\\b").matcher(source.mainText());
        if (open.find()) {
            at += ":" + (1 + source.mainText().substring(0, open.start()).chars().filter(c -> c == '\n').count());
        }
        String shipped = String.join(", ", ShippedModels.sources().keySet().stream()
                .map(p -> p.substring(0, p.length() - 4)).sorted().toList());
        return at + ": open " + module + ": no such module (looked for " + wanted + "; shipped modules: " + shipped + ")";
    }

    /** The declared name nearest to {@code name} by edit distance, if one is near enough to be a typo. */
    static Optional<String> closest(String name, ModelSource source) {
        String bare = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        Set<String> names = new TreeSet<>();
        collect(source.mainText(), names);
        source.library().values().forEach(t -> collect(t, names));
        int limit = Math.max(2, bare.length() / 3);
        return names.stream().filter(n -> !n.equals(bare))
                .map(n -> Map.entry(n, distance(bare.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT))))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    private static void collect(String text, Set<String> names) {
        Matcher m = IDENTIFIER.matcher(COMMENTS.matcher(text).replaceAll(" "));
        while (m.find()) {
            if (!KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
    }

    /**
     * "; did you mean X?" for the known name nearest to {@code name} by edit distance, when one is near
     * enough to be a typo (at most a third of its length, and at least 2, edits away); "" otherwise.
     */
    static String didYouMean(String name, java.util.Collection<String> known) {
        int limit = Math.max(2, name.length() / 3);
        return known.stream().filter(k -> !k.equals(name))
                .map(k -> Map.entry(k, distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT))))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(Map.Entry::getKey))
                .map(e -> "; did you mean " + e.getKey() + "?").orElse("");
    }

    /**
     * Edit distance with a swap of two neighbouring characters counted as one edit (optimal string
     * alignment): {@code linux-4.91} is one edit from {@code linux-4.19}, as a typist sees it.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
