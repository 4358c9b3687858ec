package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.Bounds;

/**
 * The vacuity guard: does every event of the model happen in some run, does
 * every profile boot (reach the end of its GIC boot), and does every hand-over
 * channel a proposal adds hand something to a kernel that reserves it? A model
 * where an event can never happen, a profile never boots or a channel never
 * delivers proves nothing about them, and its "holds" verdicts are hollow.
 *
 * <p>One query asks for a run covering any item not yet seen; every item
 * that run covers is ticked off; the rest are asked again, until a query
 * finds nothing. An event left over is asked once more with every option
 * open (the same chain or population): if a run has it there, the options
 * the user narrowed rule it out ({@code --kexec normal} rules out the crash
 * kexec), which is a choice, not a vacuous model, and it is reported apart.
 * A profile that never boots or a channel that never delivers under the
 * options given stays a failure: the verdicts about it are hollow for
 * exactly the configurations asked about (a user DTB that drops a channel's
 * record is the tutorial's example).
 *
 * @param events each event's CLI name to whether some run has it
 * @param profiles each profile's CLI name to whether it boots in some run
 * @param channels each hand-over channel's CLI name to whether some kernel reserves what it names
 * @param ruledOut the events (e.g. "event crash-kexec") that happen with other option values but not
 *     with the options given; they are not in {@code events}
 * @param bounds the bounds of the search
 */
public record Coverage(Map<String, Boolean> events, Map<String, Boolean> profiles, Map<String, Boolean> channels,
        List<String> ruledOut, Bounds bounds) {

    /** What never happens, in words: "event kexec", "profile linux-6.1 booting", "channel X handing tables over". */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        events.forEach((k, v) -> { if (!v) out.add("event " + k); });
        profiles.forEach((k, v) -> { if (!v) out.add("profile " + k + " booting"); });
        channels.forEach((k, v) -> { if (!v) out.add("channel " + k + " handing tables over"); });
        return out;
    }

    /** Whether every event happens, every profile boots and every channel delivers. */
    public boolean complete() {
        return !events.containsValue(false) && !profiles.containsValue(false) && !channels.containsValue(false);
    }

    /**
     * The coverage of the runs a request allows (its chain or population limits the profiles asked about).
     *
     * @throws BadInputException as {@link Checker#check} does
     */
    public static Coverage of(CheckRequest request) {
        LoadedModel model = LoadedModel.forRequest(request);
        ModelSource source = model.source();
        Bounds bounds = model.bounds();
        Vocabulary vocabulary = model.vocabulary();
        String runs = QueryText.runs(QueryText.configuration(request, vocabulary, source.name()));

        Map<String, String> items = new LinkedHashMap<>();
        for (String event : vocabulary.events()) {
            items.put("event " + event, "eventually Step.event = " + event);
        }
        List<String> profiles = !request.chain().isEmpty() ? request.chain()
                : !request.population().isEmpty() ? request.population() : List.copyOf(vocabulary.profiles().keySet());
        for (String profile : profiles) {
            items.put("profile " + profile, "eventually (Machine.running.profile = "
                    + vocabulary.profileAlloy(profile, source.name()) + " and after Machine.phase = Up"
                    + " and Machine.phase = Booting)");
        }
        for (String channel : vocabulary.channels()) {
            items.put("channel " + channel, "eventually (Machine.phase = Booting and some Memory.handed & "
                    + channel + ".(Memory.records))");
        }
        Map<String, Boolean> covered = new LinkedHashMap<>();
        items.keySet().forEach(k -> covered.put(k, false));
        List<String> open = new ArrayList<>(items.keySet());
        while (!open.isEmpty()) {
            String any = String.join(" or ", open.stream().map(k -> "(" + items.get(k) + ")").toList());
            LoadedModel.SolveResult r = model.solve(runs + " and (" + any + ")", bounds.steps());
            if (!r.found()) {
                break;
            }
            for (String k : List.copyOf(open)) {
                if (holds(model, r.solution(), items.get(k))) {
                    covered.put(k, true);
                    open.remove(k);
                }
            }
        }
        List<String> ruledOut = new ArrayList<>();
        if (!open.isEmpty() && !request.options().isEmpty()) {
            CheckRequest wide = new CheckRequest(request.model(), request.chain(), request.population(),
                    request.kernels(), Map.of(), request.cpus(), request.frames(), request.steps(), List.of());
            String anyOptions = QueryText.runs(QueryText.configuration(wide, vocabulary, source.name()));
            for (String k : open.stream().filter(k -> k.startsWith("event ")).toList()) {
                if (model.solve(anyOptions + " and (" + items.get(k) + ")", bounds.steps()).found()) {
                    ruledOut.add(k);
                    covered.remove(k);
                }
            }
        }
        Map<String, Boolean> events = new LinkedHashMap<>();
        Map<String, Boolean> booting = new LinkedHashMap<>();
        Map<String, Boolean> channels = new LinkedHashMap<>();
        covered.forEach((k, v) -> {
            if (k.startsWith("event ")) {
                events.put(Names.kebab(k.substring("event ".length())), v);
            } else if (k.startsWith("channel ")) {
                channels.put(Names.value(k.substring("channel ".length())), v);
            } else {
                booting.put(k.substring("profile ".length()), v);
            }
        });
        List<String> ruled = ruledOut.stream().map(k -> "event " + Names.kebab(k.substring("event ".length()))).toList();
        return new Coverage(events, booting, channels, ruled, bounds);
    }

    private static boolean holds(LoadedModel model, A4Solution solution, String formula) {
        return Boolean.TRUE.equals(model.eval(solution, formula, 0));
    }
}
