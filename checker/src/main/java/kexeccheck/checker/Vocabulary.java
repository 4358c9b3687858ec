package kexeccheck.checker;

import edu.mit.csail.sdg.ast.Sig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names a model gives users: configuration options and their values
 * (the fields of {@code Config}), profiles and capabilities. Read from the
 * parsed model, so a proposal that adds a profile or a capability adds it
 * here too.
 *
 * @param options each option's CLI name to its values' CLI names
 * @param optionFields each option's CLI name to its {@code Config} field's Alloy name
 * @param profiles each profile's CLI name to its Alloy signature name, sorted
 * @param capabilities the capabilities' CLI names, in declaration order
 * @param events the events' Alloy names (the atoms of {@code enum Event}), in declaration order
 * @param channels the hand-over channels' Alloy names (a proposal's {@code Channel}s), in declaration order
 */
public record Vocabulary(
        Map<String, List<String>> options,
        Map<String, String> optionFields,
        Map<String, String> profiles,
        List<String> capabilities,
        List<String> events,
        List<String> channels) {

    /** Reads the vocabulary of a parsed model. */
    static Vocabulary of(Iterable<Sig> sigs, String modelName) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> profiles = new TreeMap<>();
        List<String> capabilities = new java.util.ArrayList<>();
        List<String> events = new java.util.ArrayList<>();
        List<String> channels = new java.util.ArrayList<>();
        boolean hasConfig = false;
        for (Sig sig : sigs) {
            String name = Names.bare(sig.label);
            if (name.equals("Config")) {
                hasConfig = true;
                for (Sig.Field f : sig.getFields()) {
                    Sig.PrimSig range = f.type().fold().get(0).get(1);
                    String option = Names.value(f.label);
                    options.put(option, children(range).stream().map(Names::value).toList());
                    fields.put(option, f.label);
                }
            } else if (name.equals("Profile") && sig instanceof Sig.PrimSig p) {
                children(p).forEach(c -> profiles.put(Names.profile(c), c));
            } else if (name.equals("Capability") && sig instanceof Sig.PrimSig p) {
                capabilities.addAll(children(p).stream().map(Names::value).toList());
            } else if (name.equals("Event") && sig instanceof Sig.PrimSig p) {
                events.addAll(children(p));
            } else if (name.equals("Channel") && sig instanceof Sig.PrimSig p) {
                channels.addAll(children(p));
            }
        }
        if (!hasConfig || profiles.isEmpty()) {
            throw new BadInputException(modelName + ": does not follow kexec-check's conventions"
                    + " (no Config signature or no Profile; open kexec/core and kexec/profiles)");
        }
        return new Vocabulary(options, fields, profiles, capabilities, events, channels);
    }

    private static List<String> children(Sig.PrimSig sig) {
        List<String> out = new java.util.ArrayList<>();
        for (Sig.PrimSig child : sig.children()) {
            out.add(Names.bare(child.label));
        }
        return out;
    }

    /**
     * The Alloy name of a profile.
     *
     * @throws BadInputException naming the model and the known profiles
     */
    public String profileAlloy(String cli, String modelName) {
        String alloy = profiles.get(cli);
        if (alloy == null) {
            throw new BadInputException("unknown profile '" + cli + "' in model " + modelName
                    + " (known: " + String.join(", ", profiles.keySet()) + ModelErrors.didYouMean(cli, profiles.keySet())
                    + ")");
        }
        return alloy;
    }

    /**
     * Checks an option value.
     *
     * @throws BadInputException naming the option and its values
     */
    public void requireValue(String option, String value) {
        List<String> values = options.get(option);
        if (values == null) {
            throw new BadInputException("the model has no option --" + option
                    + " (it has: " + String.join(", ", options.keySet().stream().map(o -> "--" + o).toList())
                    + ModelErrors.didYouMean(option, options.keySet()).replace("mean ", "mean --") + ")");
        }
        if (!values.contains(value)) {
            throw new BadInputException("unknown --" + option + " value '" + value + "' (expected one of: "
                    + String.join(", ", values) + ModelErrors.didYouMean(value, values) + ")");
        }
    }
}
