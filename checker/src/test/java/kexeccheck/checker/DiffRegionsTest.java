package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.trace.Outcome;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A diff's regions against the configurations they describe: every configuration that runs lies in
 * exactly the region of its own change of class (none when the classes agree), and each region counts
 * its configurations.
 */
class DiffRegionsTest {

    private static final List<String> CHAINS = List.of("linux-4.19", "linux-6.1");
    private static final List<Outcome> CLASSES = List.of(Outcome.CORRUPTION, Outcome.LOST_LPIS, Outcome.SAFE,
            Outcome.CANNOT_RUN);

    @Property(tries = 200)
    void everyConfigurationThatRunsIsInTheRegionOfItsOwnChangeAndNoOther(@ForAll @IntRange(min = 0) long seed) {
        java.util.Random random = new java.util.Random(seed);
        Map<String, List<String>> domains = new LinkedHashMap<>();
        domains.put("firmware", List.of("efi", "dt"));
        domains.put("loader", List.of("honours-reserved", "ignores-reserved"));
        domains.put("syscall", List.of("kexec-load", "kexec-file-load", "kexec-file-load-unfinalised"));
        domains.put("hardware", List.of("sticky"));
        OptionSpace space = new OptionSpace(domains);
        List<DiffRegions.Classified> configurations = new ArrayList<>();
        List<ProposalDiff.Difference> differences = new ArrayList<>();
        Map<String, Outcome[]> classes = new LinkedHashMap<>();
        for (String first : CHAINS) {
            for (String second : CHAINS) {
                for (int v = 0; v < space.size(); v++) {
                    if (random.nextInt(5) == 0) {
                        continue; // neither model runs it: a don't-care
                    }
                    Map<String, String> options = space.valuation(v);
                    Outcome a = CLASSES.get(random.nextInt(CLASSES.size()));
                    Outcome b = random.nextBoolean() ? a : CLASSES.get(random.nextInt(CLASSES.size()));
                    configurations.add(new DiffRegions.Classified(first, second, options));
                    classes.put(first + ">" + second + " " + options, new Outcome[] {a, b});
                    if (a != b) {
                        differences.add(new ProposalDiff.Difference(first, second, options,
                                new ProposalDiff.Side(a, first, second, null), new ProposalDiff.Side(b, first, second, null)));
                    }
                }
            }
        }
        ProposalDiff.Regions regions = DiffRegions.of(differences, configurations);
        assertEquals(List.of("firmware", "loader", "syscall"), List.copyOf(regions.openOptions().keySet()),
                "hardware has one value: not open");
        Map<ProposalDiff.Region, Integer> counted = new LinkedHashMap<>();
        for (DiffRegions.Classified c : configurations) {
            Outcome[] ab = classes.get(c.first() + ">" + c.second() + " " + c.options());
            List<ProposalDiff.Region> in = regions.regions().stream().filter(g -> g.first().equals(c.first())
                    && g.second().equals(c.second()) && g.when().test(c.options())).toList();
            List<String> expected = ab[0] == ab[1] ? List.of() : List.of(ab[0] + "->" + ab[1]);
            assertEquals(expected, in.stream().map(g -> g.a() + "->" + g.b()).toList(), c.toString());
            in.forEach(g -> counted.merge(g, 1, Integer::sum));
        }
        regions.regions().forEach(g -> assertEquals(g.configurations(), counted.getOrDefault(g, 0), g.toString()));
    }
}
