package kexeccheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnotationsTest {

    @Test
    void readsPropertiesOutcomesAndApplicabilityWithTheirLines() {
        String text = "module m\n-- @property corruption\n/* doc */\npred NoStrayWrite { }\n\n"
                + "-- @outcome recoverable\npred KernelWarns { }\n-- @applicable\npred LpisExist { }\npred Other { }\n";
        Annotations a = Annotations.scan(Map.of("m.als", text));

        assertEquals(List.of(new Annotations.Annotated("NoStrayWrite", "no-stray-write", Outcome.CORRUPTION, "m.als", 4,
                "doc")), a.properties());
        assertEquals("", a.outcomes().get(0).meaning(), "no comment, no meaning");
        assertEquals(Outcome.RECOVERABLE, a.outcomes().get(0).outcome());
        assertEquals(Optional.of("LpisExist"), a.applicable());
    }

    @Test
    void aMeaningIsTheCommentsFirstSentenceOnOneLine() {
        assertEquals("Redistributors are switched on together: firmware programs all or none.",
                Annotations.firstSentence(" Redistributors are switched on together: firmware programs all or\n"
                        + " * none. A kernel's GIC boot leaves every CPU's LPIs on. "));
        assertEquals("v1.2 stays whole", Annotations.firstSentence(" v1.2 stays whole "));
    }

    @Test
    void anUnknownClassIsBadInputNamingFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Annotations.scan(Map.of("m.als", "-- @property disaster\npred P { }\n")));
        assertTrue(e.getMessage().startsWith("m.als:2: @property names 'disaster'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"safe", "not-applicable", "cannot-run"})
    void aClassNoViolationOrWitnessCanMeanIsBadInput(String name) {
        // a violated property or a reached witness is always something going wrong
        BadInputException e = assertThrows(BadInputException.class,
                () -> Annotations.scan(Map.of("m.als", "-- @outcome " + name + "\npred W { }\n")));
        assertTrue(e.getMessage().startsWith("m.als:2: @outcome names '" + name + "', not an outcome class"),
                e.getMessage());
    }

    @Test
    void anAnnotationNotAttachedToAPredIsBadInputNamingItsLine() {
        // a fact, a blank line and a line comment between: the property would never be checked
        BadInputException e = assertThrows(BadInputException.class, () -> Annotations.scan(Map.of("m.als",
                "module m\n-- @property corruption\nfact F { }\n-- @invariant\n\n-- why\npred L { }\n")));
        assertTrue(e.getMessage().startsWith("m.als:2: @property is not attached to a pred"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Annotations.scan(Map.of("m.als",
                "module m\n-- @invariant\n\n-- why\npred L { }\n")));
        assertTrue(e.getMessage().startsWith("m.als:2: @invariant is not attached to a pred"), e.getMessage());
    }

    @Test
    void anUnknownAnnotationKindGetsTheNearestKnownOne() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Annotations.scan(Map.of("m.als", "-- @propery corruption\npred P { }\n")));
        assertTrue(e.getMessage().startsWith("m.als:1: unknown annotation @propery (did you mean @property?"),
                e.getMessage());
    }

    @Test
    void slashCommentsAnnotateToo() {
        Annotations a = Annotations.scan(Map.of("m.als", "// @property lost-lpis\npred P { }\n"));
        assertEquals("p", a.properties().get(0).name());
    }

    @Test
    void theCoresPropertiesAreDomainSection5s() {
        // the world's own modules; a proposal may add properties of its own (kho-lpi-tables does)
        Map<String, String> texts = new java.util.HashMap<>();
        kexeccheck.models.ShippedModels.sources().forEach((p, t) -> {
            if (p.startsWith("kexec/")) {
                texts.put("models/" + p, t);
            }
        });
        assertEquals(List.of("no-stray-write", "lpis-delivered", "one-property-table", "its-quiescent",
                        "reservations-bounded"),
                Annotations.scan(texts).properties().stream().map(Annotations.Annotated::name).toList());
    }
}
