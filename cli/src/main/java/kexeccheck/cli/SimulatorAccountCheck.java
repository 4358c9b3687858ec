package kexeccheck.cli;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kexeccheck.checker.ModelDescription;
import kexeccheck.simulator.NotReplayableException;
import kexeccheck.simulator.kernel.SimulatorAccounts;

/** Before {@code replay} or {@code crosscheck}: the simulator must have an account of everything the model adds. */
final class SimulatorAccountCheck {

    private SimulatorAccountCheck() {}

    /**
     * @param profiles the profiles the replay or cross-check runs (the model's channels always matter:
     *     a kernel without the capability may still pass a record on)
     * @throws NotReplayableException naming the first capability or channel without an account
     */
    static void require(ModelDescription model, Collection<String> profiles) {
        Map<String, List<String>> used = new TreeMap<>(model.profiles());
        used.keySet().retainAll(profiles);
        SimulatorAccounts.unaccounted(used, model.channels()).ifPresent(reason -> {
            throw new NotReplayableException(reason + " (model " + model.model()
                    + "; docs/writing-a-proposal.md shows how to give it one)");
        });
    }
}
