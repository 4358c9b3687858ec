package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Fails when" and "holds when" against brute force: on every shipped proposal and the tutorial's, for
 * a scope with a few options left open, one {@link Checker#check} per valuation of those options (each
 * fixed to one value) classifies it as failing a property, holding it, or unable to run; the
 * conditions the check over the whole scope printed must say the same of every valuation that runs,
 * and count the same.
 */
class ViolationConditionsTest {

    /**
     * A scope: every option not in {@code open} fixed by {@code fixed}, so that exactly {@code open} is left open.
     */
    record Scope(String name, String model, List<String> chain, List<String> population,
            Map<String, List<String>> fixed, List<String> open) {

        CheckRequest request(Map<String, List<String>> options) {
            return new CheckRequest(model, chain, population, 2, options, 2, Optional.empty(), Optional.empty(),
                    List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scope> scopes() {
        return Stream.of(
                // a population, and a chain some of whose valuations cannot run (a capture kernel needs a crash kexec)
                scope("upstream population", "upstream", List.of(), List.of("linux-4.19", "linux-6.1"),
                        List.of("loader", "kexec")),
                scope("upstream into kdump", "upstream", List.of("linux-4.19", "kdump-6.1"), List.of(),
                        List.of("firmware", "kexec")),
                scope("dt-memory-region-v1 seed objection", "dt-memory-region-v1",
                        List.of("linux-5.3+dt-v1", "linux-4.19"), List.of(), List.of("dtb", "syscall"), "firmware=dt"),
                scope("bootloader-preprogrammed", "bootloader-preprogrammed", List.of("linux-6.1", "linux-6.1"),
                        List.of(), List.of("dtb", "propbaser-sharing"), "firmware=dt-preprogrammed"),
                scope("kho-lpi-tables", "kho-lpi-tables", List.of("linux-6.16+kho-gic", "linux-6.16+kho-gic"),
                        List.of(), List.of("dtb", "syscall"), "firmware=dt"),
                scope("tutorial", "../docs/tutorial/chosen-lpi-tables.als", List.of("linux-6.1+chosen", "linux-6.1"),
                        List.of(), List.of("firmware", "loader")));
    }

    /**
     * A scope leaving exactly {@code open} open: every other option of the shipped vocabulary fixed to
     * the value {@code given} names (option=value), else to a sticky, active, EFI world's.
     */
    private static Scope scope(String name, String model, List<String> chain, List<String> population,
            List<String> open, String... given) {
        Map<String, List<String>> fixed = new LinkedHashMap<>();
        for (String g : List.of("firmware=efi", "reserved-memory=map", "dtb=passthrough", "loader=honours-reserved",
                "syscall=kexec-load", "hardware=sticky", "propbaser-sharing=per-redistributor", "devices=active",
                "kexec=normal", "page-size=4k")) {
            fixed.put(g.split("=")[0], List.of(g.split("=")[1]));
        }
        for (String g : given) {
            fixed.put(g.split("=")[0], List.of(g.split("=")[1]));
        }
        open.forEach(fixed::remove);
        return new Scope(name, model, chain, population, fixed, open);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void failsWhenAndHoldsWhenAreWhatACheckOfEachConfigurationSays(Scope scope) {
        CheckReport whole = Checker.check(scope.request(scope.fixed()), false, 64, stage -> { });
        Conditions conditions = whole.conditions().orElseThrow(() -> new AssertionError("no conditions: " + whole));
        OptionSpace space = conditions.space();
        assertEquals(scope.open(), space.options(), "the options left open");
        Set<String> violated = new TreeSet<>();
        whole.properties().stream().filter(p -> p.status() == PropertyResult.Status.VIOLATED)
                .forEach(p -> violated.add(p.name()));
        assertEquals(violated, new TreeSet<>(conditions.properties().keySet()), "one description per violated property");

        Map<String, Integer> failing = new HashMap<>();
        int running = 0;
        int verdictFailing = 0;
        List<String> disagreements = new ArrayList<>();
        for (int v = 0; v < space.size(); v++) {
            Map<String, String> valuation = space.valuation(v);
            Map<String, List<String>> options = new LinkedHashMap<>(scope.fixed());
            valuation.forEach((option, value) -> options.put(option, List.of(value)));
            CheckReport one;
            try {
                one = Checker.check(scope.request(options), false);
            } catch (BadInputException cannotRun) {
                continue; // a don't-care of both descriptions
            }
            running++;
            Conditions.OfProperty verdict = conditions.verdict().orElseThrow();
            if (verdict.failsWhen().test(valuation) != one.anyViolated()
                    || verdict.holdsWhen().test(valuation) == one.anyViolated()) {
                disagreements.add("the check " + (one.anyViolated() ? "fails" : "holds") + " at " + valuation
                        + ", but: fails when " + verdict.failsWhen().describe() + "; holds when "
                        + verdict.holdsWhen().describe());
            }
            if (one.anyViolated()) verdictFailing++;
            for (PropertyResult p : one.properties()) {
                boolean fails = p.status() == PropertyResult.Status.VIOLATED;
                Optional<Conditions.OfProperty> described = conditions.of(p.name());
                if (described.isEmpty()) {
                    if (fails) disagreements.add(p.name() + " fails at " + valuation + " but holds over the scope");
                    continue;
                }
                if (fails) failing.merge(p.name(), 1, Integer::sum);
                if (described.get().failsWhen().test(valuation) != fails
                        || described.get().holdsWhen().test(valuation) == fails) {
                    disagreements.add(p.name() + (fails ? " fails" : " holds") + " at " + valuation + ", but: fails when "
                            + described.get().failsWhen().describe() + "; holds when "
                            + described.get().holdsWhen().describe());
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(verdictFailing, conditions.verdict().get().failing(), "configurations where the check fails");
        for (String option : conditions.deciding()) {
            assertTrue(scope.open().contains(option), option);
        }
        for (Map.Entry<String, Conditions.OfProperty> e : conditions.properties().entrySet()) {
            assertEquals(running, e.getValue().running(), e.getKey() + ": configurations that run");
            assertEquals(failing.getOrDefault(e.getKey(), 0), e.getValue().failing(), e.getKey() + ": failing");
            assertFalse(e.getValue().failsWhen().never(), e.getKey() + " is violated somewhere");
            assertTrue(e.getValue().failsWhen().minimum() && e.getValue().holdsWhen().minimum());
        }
    }
}
