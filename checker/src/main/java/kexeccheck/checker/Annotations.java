package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.trace.Outcome;

/**
 * What a model's annotation comments say about its predicates.
 *
 * <p>A line {@code -- @property CLASS} before {@code pred Name} makes
 * {@code Name} a safety property whose violation means outcome {@code CLASS};
 * {@code -- @outcome CLASS} makes it a witness of a weaker outcome class
 * (reaching a state where it holds means that class); {@code -- @applicable}
 * names the predicate without which the question does not arise;
 * {@code -- @invariant} makes it a lemma that strengthens the induction
 * proving a verdict for runs of any length ({@link Induction}): a lemma is
 * proved with the properties, never assumed. Doc comments may stand between
 * the annotation and the predicate.
 *
 * @param properties the safety properties, in source order
 * @param outcomes the outcome witnesses, in source order
 * @param applicable the applicability predicate, if any
 * @param invariants the lemmas, in source order (their {@code outcome} is {@link Outcome#SAFE})
 */
public record Annotations(List<Annotated> properties, List<Annotated> outcomes, Optional<String> applicable,
        List<Annotated> invariants) {

    private static final Pattern ANNOTATED = Pattern.compile(
            "(?:--|//)\\s*@(property|outcome|applicable|invariant)\\b[ \\t]*([a-z-]*)[^\\n]*\\n(?:\\s*/\\*(.*?)\\*/)?\\s*pred\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.DOTALL);
    /** Any annotation line: each must be one of the four kinds and be attached to a pred. */
    private static final Pattern ANNOTATION_LINE = Pattern.compile("(?m)^[ \\t]*(?:--|//)[ \\t]*@([A-Za-z-]*)");
    private static final List<String> KINDS = List.of("property", "outcome", "applicable", "invariant");

    /**
     * One annotated predicate.
     *
     * @param predicate its Alloy name ({@code NoStrayWrite})
     * @param name its CLI name ({@code no-stray-write})
     * @param outcome the outcome class it stands for
     * @param source the file it is declared in
     * @param line the line of its {@code pred} keyword
     * @param meaning the first sentence of the block comment before its {@code pred}, in one line; empty
     *     when it has none
     */
    public record Annotated(String predicate, String name, Outcome outcome, String source, int line, String meaning) {

        /** One without a comment. */
        public Annotated(String predicate, String name, Outcome outcome, String source, int line) {
            this(predicate, name, outcome, source, line, "");
        }
    }

    /** The outcome witnesses, worst class first: the order every report asks them in. */
    public List<Annotated> outcomesWorstFirst() {
        return outcomes.stream().sorted(java.util.Comparator.comparing(Annotated::outcome)).toList();
    }

    /** The properties whose violation means {@code outcome}, in source order. */
    public List<Annotated> propertiesMeaning(Outcome outcome) {
        return properties.stream().filter(p -> p.outcome() == outcome).toList();
    }

    /**
     * A question a classification asks: can a run reach a state where {@code bad} holds? A yes
     * means the configuration is at least as bad as {@code outcome}.
     *
     * @param outcome the class a yes means
     * @param name the property or witness it stands for (the first property of the class)
     * @param bad an Alloy formula over one state
     * @param properties the properties of the class it asks about together (empty for a witness)
     */
    public record Question(Outcome outcome, String name, String bad, List<Annotated> properties) {}

    /**
     * Every class's question, worst first: for each class the properties whose violation means it
     * (one question for all of them), then its outcome witnesses.
     */
    public List<Question> questionsWorstFirst() {
        List<Question> out = new java.util.ArrayList<>();
        for (Outcome o : Outcome.classes()) {
            List<Annotated> props = propertiesMeaning(o);
            if (!props.isEmpty()) out.add(new Question(o, props.get(0).name(), anyFails(props), props));
            outcomes.stream().filter(w -> w.outcome() == o)
                    .forEach(w -> out.add(new Question(o, w.name(), w.predicate(), List.of())));
        }
        return out;
    }

    /** An Alloy formula true in a state where at least one of {@code properties} fails. */
    static String anyFails(List<Annotated> properties) {
        return "not (" + String.join(" and ", properties.stream().map(p -> "(" + p.predicate() + ")").toList()) + ")";
    }

    /**
     * Reads the annotations of every module text.
     *
     * @throws BadInputException for an annotation naming no known outcome class
     */
    public static Annotations scan(Map<String, String> texts) {
        List<Annotated> properties = new ArrayList<>();
        List<Annotated> outcomes = new ArrayList<>();
        List<Annotated> invariants = new ArrayList<>();
        String applicable = null;
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(texts).entrySet()) {
            String text = file.getValue();
            requireAttached(file.getKey(), text);
            Matcher m = ANNOTATED.matcher(text);
            while (m.find()) {
                String kind = m.group(1);
                String predicate = m.group(4);
                int line = 1 + (int) text.substring(0, m.start(4)).chars().filter(c -> c == '\n').count();
                String meaning = firstSentence(m.group(3));
                if (kind.equals("applicable")) {
                    applicable = predicate;
                    continue;
                }
                if (kind.equals("invariant")) {
                    invariants.add(new Annotated(predicate, Names.kebab(predicate), Outcome.SAFE, file.getKey(), line,
                            meaning));
                    continue;
                }
                Outcome outcome;
                try {
                    outcome = Outcome.fromCliName(m.group(2));
                    if (!outcome.worseThan(Outcome.SAFE)) throw new IllegalArgumentException(outcome.cliName());
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file.getKey() + ":" + line + ": @" + kind + " names '" + m.group(2)
                            + "', not an outcome class (corruption, lost-lpis, fail-stop, recoverable)");
                }
                Annotated a = new Annotated(predicate, Names.kebab(predicate), outcome, file.getKey(), line, meaning);
                (kind.equals("property") ? properties : outcomes).add(a);
            }
        }
        return new Annotations(List.copyOf(properties), List.copyOf(outcomes), Optional.ofNullable(applicable),
                List.copyOf(invariants));
    }

    /** A block comment's first sentence, its leading stars and line breaks folded into one line. */
    static String firstSentence(String comment) {
        if (comment == null) {
            return "";
        }
        String flat = comment.replaceAll("(?m)^\\s*\\*+", " ").replaceAll("\\s+", " ").strip();
        Matcher end = Pattern.compile("\\.(\\s|$)").matcher(flat);
        return end.find() ? flat.substring(0, end.start() + 1) : flat;
    }

    /**
     * Every annotation line names a known kind and is followed by the pred it annotates (at most a
     * block comment between): one that is not would silently leave a property unchecked.
     *
     * @throws BadInputException naming the file and line of the first that is not
     */
    private static void requireAttached(String file, String text) {
        java.util.Set<Integer> attached = new java.util.HashSet<>();
        Matcher m = ANNOTATED.matcher(text);
        while (m.find()) {
            attached.add(m.start());
        }
        Matcher line = ANNOTATION_LINE.matcher(text);
        while (line.find()) {
            int at = line.start() + (text.substring(line.start(), line.end()).length()
                    - text.substring(line.start(), line.end()).stripLeading().length());
            int number = 1 + (int) text.substring(0, line.start()).chars().filter(c -> c == '\n').count();
            String kind = line.group(1);
            if (!KINDS.contains(kind)) {
                String near = KINDS.stream().min(java.util.Comparator.comparingInt(k -> ModelErrors.distance(k, kind)))
                        .orElseThrow();
                throw new BadInputException(file + ":" + number + ": unknown annotation @" + kind + " (did you mean @"
                        + near + "? known: @" + String.join(", @", KINDS) + ")");
            }
            if (!attached.contains(at)) {
                throw new BadInputException(file + ":" + number + ": @" + kind + " is not attached to a pred: the next"
                        + " declaration must be `pred Name`, with at most a /* */ comment between");
            }
        }
    }
}
