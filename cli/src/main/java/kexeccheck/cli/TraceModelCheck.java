package kexeccheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.ModelDescription;
import kexeccheck.trace.Configuration;
import kexeccheck.trace.InvalidTraceException;
import kexeccheck.trace.Trace;

/**
 * Before a replay, a trace is checked against the model it names: a profile the model does not
 * have, capabilities that are not the profile's, or an option value the model does not know would
 * make the simulator replay a world nobody asked about, so each is bad input.
 */
final class TraceModelCheck {

    private TraceModelCheck() {}

    /**
     * @return the trace's model
     * @throws InvalidTraceException naming the file and the first thing the model does not have
     */
    static ModelDescription against(Path file, Trace trace) {
        ModelDescription model;
        try {
            model = ModelDescription.of(trace.model());
        } catch (BadInputException e) {
            throw new InvalidTraceException(file + ": its model cannot be loaded (" + e.getMessage() + ")");
        }
        for (Configuration.KernelInstance k : trace.configuration().chain()) {
            List<String> caps = model.profiles().get(k.profile());
            if (caps == null) {
                throw new InvalidTraceException(file + ": " + k.name() + " is profile '" + k.profile()
                        + "', which model " + model.model() + " does not have (known: "
                        + String.join(", ", model.profiles().keySet()) + ")");
            }
            if (!new java.util.TreeSet<>(caps).equals(new java.util.TreeSet<>(k.capabilities()))) {
                throw new InvalidTraceException(file + ": " + k.name() + " (" + k.profile() + ") has capabilities "
                        + k.capabilities() + ", but in model " + model.model() + " the profile has " + caps);
            }
        }
        for (Map.Entry<String, String> o : trace.configuration().options().entrySet()) {
            List<String> known = model.options().get(o.getKey());
            if (known == null || !known.contains(o.getValue())) {
                throw new InvalidTraceException(file + ": option " + o.getKey() + "=" + o.getValue()
                        + " is not one model " + model.model() + " knows"
                        + (known == null ? "" : " (known: " + String.join(", ", known) + ")"));
            }
        }
        return model;
    }
}
