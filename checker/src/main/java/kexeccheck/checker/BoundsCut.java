package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds a user cut below {@link BoundsPolicy}'s ({@code --frames}, {@code --steps}) can leave out
 * every run of some option values: the GICv2 runs fit in one frame, the others do not. A verdict over
 * what is left would read as one over the whole scope, so such a check is refused, naming the
 * values left out. Each value the scope allows is asked for a run within the cut bounds; only one
 * without is asked again at the full bounds, so a cut that leaves nothing out costs one question
 * per value.
 */
final class BoundsCut {

    private BoundsCut() {}

    /**
     * @param runs the request's runs within the cut bounds
     * @param end what a run must reach (an exact chain runs to its last kernel)
     * @throws BadInputException naming the bounds given and the option values whose every run they leave out
     */
    static void requireEveryValueRuns(CheckRequest request, LoadedModel model, String runs, String end) {
        if (request.frames().isEmpty() && request.steps().isEmpty()) return;
        Query cut = new Query(model, runs);
        if (!cut.exists(runs + " and " + end)) return; // nothing runs at all: the check says why itself
        List<String[]> missing = new ArrayList<>();
        valuesInScope(request, model.vocabulary()).forEach((option, values) -> values.forEach(v -> {
            if (!cut.exists(runs + " and " + end + " and " + is(model.vocabulary(), option, v))) {
                missing.add(new String[] {option, v});
            }
        }));
        if (missing.isEmpty()) return;
        CheckRequest full = new CheckRequest(request.model(), request.chain(), request.population(), request.kernels(),
                request.options(), request.cpus(), Optional.empty(), Optional.empty(), request.properties());
        LoadedModel fullModel = LoadedModel.forRequest(full);
        String fullRuns = QueryText.runs(QueryText.configuration(full, fullModel.vocabulary(), fullModel.source().name()));
        Query unbounded = new Query(fullModel, fullRuns);
        List<String> leftOut = missing.stream()
                .filter(m -> unbounded.exists(fullRuns + " and " + end + " and " + is(fullModel.vocabulary(), m[0], m[1])))
                .map(m -> m[0] + "=" + m[1]).toList();
        if (!leftOut.isEmpty()) {
            throw new BadInputException("the bounds given (" + model.bounds().frames() + " frames, runs of up to "
                    + model.bounds().steps() + " states) leave out every run with " + String.join(", ", leftOut)
                    + ", which the default bounds (" + fullModel.bounds().frames() + " frames, "
                    + fullModel.bounds().steps() + " states) reach: leave --frames and --steps out, or narrow the"
                    + " options to what these bounds cover");
        }
    }

    /** Each option's values the request leaves open or names. */
    private static Map<String, List<String>> valuesInScope(CheckRequest request, Vocabulary vocabulary) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>(vocabulary.options());
        request.options().forEach((option, given) -> {
            if (!given.isEmpty()) values.put(option, given);
        });
        return values;
    }

    private static String is(Vocabulary vocabulary, String option, String value) {
        return "Config." + vocabulary.optionFields().get(option) + " = " + Names.valueToAlloy(value);
    }
}
