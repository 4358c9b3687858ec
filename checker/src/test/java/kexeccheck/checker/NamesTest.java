package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void profilesReadAsUsersWriteThem() {
        assertEquals("linux-6.1", Names.profile("linux_6_1"));
        assertEquals("linux-6.12+nolpi", Names.profile("linux_6_12__nolpi"));
        assertEquals("linux-5.3+dt-v1", Names.profile("linux_5_3__dt_v1"));
        assertEquals("kdump-6.1", Names.profile("kdump_6_1"));
    }

    @Test
    void predicatesAndAtomsInKebabCase() {
        assertEquals("no-stray-write", Names.kebab("NoStrayWrite"));
        assertEquals("boot-gic", Names.kebab("BootGic"));
        assertEquals("Frame", Names.bare("core/Frame$3"));
        assertEquals(3, Names.atomNumber("core/Frame$3"));
        assertEquals("linux_6_1", Names.bare("profiles/linux_6_1$0"));
    }

    @Property
    void aProfileNameSurvivesTheRoundTripThroughAlloy(@ForAll("profileNames") String name) {
        assertEquals(name, Names.profile(Names.profileToAlloy(name)));
    }

    @Provide
    Arbitrary<String> profileNames() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> version = Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> base = Combinators.combine(word, version).as((w, v) -> w + "-" + v);
        Arbitrary<String> variant = Combinators.combine(word, word).as((a, b) -> a + "-" + b)
                .injectDuplicates(0.2);
        return Combinators.combine(base, variant.list().ofMaxSize(2))
                .as((b, vs) -> b + vs.stream().map(v -> "+" + v).reduce("", String::concat));
    }
}
