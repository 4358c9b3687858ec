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

    @Test
    void aProposalFileOpensTheShippedModulesAndAddsAProfile() throws Exception {
        Path model = dir.resolve("myproposal.als");
        Files.writeString(model, """
                module myproposal
                open kexec/core
                open kexec/profiles
                open kexec/properties

                one sig my_capability extends Capability {}
                one sig linux_6_1__mine extends Profile {} { caps = linux_6_1.@caps + my_capability }

                pred init { coldBoot }
                pred step { otherEvents or (bootGic and pageAllocator) }
                """);

        CliRun run = CliRun.of("check", "-m", model.toString(), "--chain", "linux-6.1+mine,linux-6.1",
                "--firmware", "efi", "--hardware", "sticky", "--loader", "honours-reserved", "--no-timing");

        assertEquals(KexecCheck.OK, run.exitCode(), run.out() + run.err());
        assertEquals("safe", run.outcome());
        // a user's model may add events, so the checker claims no completeness for it
        assertTrue(run.out().contains("runs of up to 5 states"), run.out());
    }
}
