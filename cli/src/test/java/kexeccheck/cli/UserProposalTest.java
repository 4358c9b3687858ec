package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposal template of docs/user-guide.md works as written: a user's file opens the shipped core. */
class UserProposalTest {

    @TempDir
    Path dir;

    /** A user's proposal: the shipped world opened, {@code body} added, the upstream events composed. */
    private Path proposal(String name, String body) throws java.io.IOException {
        return Files.writeString(dir.resolve(name + ".als"), "module " + name + "\n"
                + "open kexec/core\nopen kexec/profiles\nopen kexec/properties\n\n" + body
                + "\npred init { coldBoot }\npred step { otherEvents or (bootGic and pageAllocator) }\n");
    }

    /** The efi-memreserve-works options on a user's model and chain. */
    private static CliRun checkEfiWorks(Path model, String chain) {
        return CliRun.of("check", "-m", model.toString(), "--chain", chain,
                "--firmware", "efi", "--hardware", "sticky", "--loader", "honours-reserved", "--no-timing");
    }

    @Test
    void aProposalFileOpensTheShippedModulesAndAddsAProfile() throws Exception {
        Path model = proposal("myproposal", """
                one sig my_capability extends Capability {}
                one sig linux_6_1__mine extends Profile {} { caps = linux_6_1.@caps + my_capability }
                """);

        CliRun run = checkEfiWorks(model, "linux-6.1+mine,linux-6.1");

        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertEquals("safe", run.outcome());
        // a user's model may add events, so the bounds claim no room for every event
        assertTrue(run.out().contains("runs of up to 5 states"), run.out());
    }

    @Test
    void aWrongLemmaIsRefutedAndDroppedNeverAssumed() throws Exception {
        Path model = proposal("falselemma", """
                -- @invariant
                /* False: a kernel's GIC boot switches LPIs on. Assumed, it would make every property trivial. */
                pred LpisNeverOn { no Gic.lpis_on }
                """);

        CliRun run = checkEfiWorks(model, "linux-6.1,linux-6.1");

        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertEquals("safe", run.outcome());
        // the wrong lemma is refuted by a real run and dropped; the shipped lemmas still prove the rest
        assertTrue(run.out().contains("an induction step breaks lpis-never-on"), run.out());
        assertTrue(run.out().contains("holds          for all chain lengths (k-induction, k=1)"), run.out());
    }
}
