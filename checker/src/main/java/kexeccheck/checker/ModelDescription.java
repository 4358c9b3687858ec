package kexeccheck.checker;

import edu.mit.csail.sdg.alloy4.Err;
import edu.mit.csail.sdg.translator.A4Tuple;
import edu.mit.csail.sdg.translator.A4TupleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kexeccheck.trace.Bounds;

/**
 * What a model offers a user: its profiles with their capabilities, its
 * properties and outcome witnesses, and its configuration options.
 *
 * @param model the model's name
 * @param profiles each profile's CLI name to its capabilities
 * @param capabilities every capability
 * @param properties the properties with the outcome class a violation means
 * @param options each option to its values
 * @param channels the hand-over channels a proposal adds ({@code Channel} atoms)
 */
public record ModelDescription(
        String model,
        Map<String, List<String>> profiles,
        List<String> capabilities,
        List<Annotations.Annotated> properties,
        Map<String, List<String>> options,
        List<String> channels) {

    /**
     * Describes a model. The capabilities of a profile are facts of the model, so they are read
     * from any instance: the smallest one is solved.
     *
     * @throws BadInputException for an unknown or broken model
     */
    public static ModelDescription of(String modelName) {
        ModelSource source = ModelSource.resolve(modelName);
        // enough frames for any board the facts may demand (an LPI region, a crashkernel region)
        LoadedModel model = LoadedModel.load(source, new Bounds(1, 1, BoundsPolicy.sufficientFrames(1, 1), 1, false));
        LoadedModel.SolveResult r = model.solve("some Config", 1);
        if (!r.found()) {
            throw new BadInputException(source.name() + ": the model's facts contradict each other (no instance exists)");
        }
        Map<String, List<String>> caps = new TreeMap<>();
        Map<String, String> profileByAtom = new LinkedHashMap<>();
        try {
            for (A4Tuple t : (A4TupleSet) r.solution().eval(model.expr("Profile <: caps"))) {
                String profile = Names.profile(Names.bare(t.atom(0)));
                caps.computeIfAbsent(profile, x -> new ArrayList<>()).add(Names.value(Names.bare(t.atom(1))));
                profileByAtom.put(t.atom(0), profile);
            }
        } catch (Err e) {
            throw new IllegalStateException("cannot read the profiles' capabilities: " + e.msg, e);
        }
        model.vocabulary().profiles().keySet().forEach(p -> caps.putIfAbsent(p, List.of()));
        List<String> channels = new ArrayList<>();
        try {
            for (A4Tuple t : (A4TupleSet) r.solution().eval(model.expr("Channel"))) {
                channels.add(Names.value(Names.bare(t.atom(0))));
            }
        } catch (Err e) {
            throw new IllegalStateException("cannot read the model's hand-over channels: " + e.msg, e);
        } catch (BadInputException noChannels) {
            // a model built on its own copy of an older core has no extension points: no channels
        }
        return new ModelDescription(source.name(), caps, model.vocabulary().capabilities(),
                model.annotations().properties(), model.vocabulary().options(), List.copyOf(channels));
    }
}
