package kexeccheck.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.Trace;

/**
 * Finds the counterexamples a {@link CounterexampleChoice} asks for, on a check's own query: the first
 * one inside {@code where} (the shortest there), then each next one outside the configurations and
 * chains of those before it, shortened within its own configuration and chain. "Differs" is in the
 * options' values or the chain's profiles: two runs of one configuration and chain that place
 * segments or frames differently are the same counterexample to a reader.
 */
final class CounterexampleSearch {

    private final Query query;
    private final Vocabulary vocabulary;
    private final String model;
    private final CounterexampleChoice choice;

    CounterexampleSearch(Query query, Vocabulary vocabulary, String model, CounterexampleChoice choice) {
        this.query = query;
        this.vocabulary = vocabulary;
        this.model = model;
        this.choice = choice;
    }

    /** What was asked for. */
    CounterexampleChoice choice() {
        return choice;
    }

    /**
     * The counterexamples of one violated property, first to last; empty when none lies where asked.
     *
     * @param shortest the whole scope's shortest, which is the first when nothing narrows where
     */
    List<Trace> of(Annotations.Annotated p, Trace shortest) {
        String where = whereFormula();
        List<Trace> found = new ArrayList<>();
        String excluded = "";
        if (choice.where().isEmpty()) {
            found.add(shortest);
            excluded = " and not " + same(shortest);
        }
        String failing = "not (" + p.predicate() + ")";
        while (found.size() < choice.count()) {
            Optional<LoadedModel.SolveResult> run = query.findRun("(" + where + excluded + ") and eventually ("
                    + failing + ")");
            if (run.isEmpty()) {
                break;
            }
            Trace any = TraceExtractor.extract(query.model(), run.get().solution(), failing, p.name(), p.outcome());
            Trace next = query.shortest(run.get(), p, same(any));
            found.add(next);
            excluded += " and not " + same(next);
        }
        return found;
    }

    /** The where values as a formula; {@code some Config} when there are none. */
    private String whereFormula() {
        List<String> parts = new ArrayList<>();
        choice.where().forEach((option, value) -> parts.add("Config." + vocabulary.optionFields().get(option) + " = "
                + Names.valueToAlloy(value)));
        return parts.isEmpty() ? "some Config" : String.join(" and ", parts);
    }

    /** The runs with a trace's configuration (every option's value) and chain (its kernels' profiles). */
    private String same(Trace trace) {
        Configuration c = trace.configuration();
        List<String> parts = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>(vocabulary.optionFields());
        c.options().forEach((option, value) -> {
            if (fields.containsKey(option)) {
                parts.add("Config." + fields.get(option) + " = " + Names.valueToAlloy(value));
            }
        });
        List<Configuration.KernelInstance> chain = c.chain();
        StringBuilder lets = new StringBuilder("let k1 = firstKernel");
        List<String> profiles = new ArrayList<>();
        for (int i = 1; i <= chain.size(); i++) {
            if (i > 1) {
                lets.append(", k").append(i).append(" = k").append(i - 1).append(".nextKernel");
            }
            profiles.add("k" + i + ".profile = " + vocabulary.profileAlloy(chain.get(i - 1).profile(), model));
        }
        parts.add("#Kernel = " + chain.size());
        parts.add("(" + lets + " | " + String.join(" and ", profiles) + ")");
        return "(" + String.join(" and ", parts) + ")";
    }
}
