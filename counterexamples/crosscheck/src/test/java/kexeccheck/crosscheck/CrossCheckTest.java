package kexeccheck.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.ConfigurationSpace;
import kexeccheck.checker.Shard;
import org.junit.jupiter.api.Test;

/** Both accounts over a small scope: every class alike, every run replayed, and progress told along the way. */
class CrossCheckTest {

    private static final ConfigurationSpace.Scope SCOPE = new ConfigurationSpace.Scope("upstream",
            List.of("linux-4.19", "linux-6.1"), Map.of("firmware", List.of("efi", "dt"), "hardware", List.of("sticky"),
                    "devices", List.of("active"), "kexec", List.of("normal"), "page-size", List.of("4k"),
                    "syscall", List.of("kexec-load", "kexec-file-load"), "propbaser-sharing", List.of("per-redistributor")),
            2);

    /**
     * Chains of three on EFI with a clearable GIC, where a third kernel changes a chain's class: 6.1 →
     * 4.19 is recoverable (4.19 reprograms with a warning), 6.1 → 4.19 → 6.1 with a normal kexec is
     * corruption (4.19 reserves none of its live tables, so kexec-tools may load K3 over them). Quiescent
     * devices and kexec-tools honouring /proc/iomem: with ignores-reserved or kexec_file_load this chain
     * reaches a memreserve node that the model does not have (docs/simulator.md, the cross-check).
     */
    private static final ConfigurationSpace.Scope THREE = new ConfigurationSpace.Scope("upstream",
            List.of("linux-4.19", "linux-6.1"), Map.of("firmware", List.of("efi"), "hardware", List.of("clearable"),
                    "devices", List.of("quiescent"), "reserved-memory", List.of("map"), "dtb", List.of("passthrough"),
                    "loader", List.of("honours-reserved"), "syscall", List.of("kexec-load"),
                    "propbaser-sharing", List.of("per-redistributor"), "page-size", List.of("4k")), 2, 3);

    @Test
    void theAccountsAgreeOnEveryConfigurationAndEveryReplayedState() {
        List<String> progress = new ArrayList<>();
        CrossCheck.Report r = CrossCheck.run(SCOPE, 5, Shard.WHOLE, progress::add);
        // 2 x 2 chains x 2 firmware x 2 reserved-memory x 2 dtb x 2 loader x 2 syscalls
        assertEquals(128, r.configurations());
        assertEquals(r.configurations(), r.agreements(), r.disagreements().toString());
        assertTrue(r.replayed() > 0);
        assertEquals(r.replayed(), r.stateAgreements(), r.stateDivergences().toString());
        assertTrue(r.agree());
        assertEquals("loading model upstream", progress.get(0));
        assertTrue(progress.contains("both accounts started on at most 128 configurations"), progress.toString());
        assertTrue(progress.get(progress.size() - 1).startsWith("checker done"), progress.toString());
    }

    @Test
    void chainsOfThreeAgreeOnEveryConfigurationAndEveryReplayedState() {
        List<String> progress = new ArrayList<>();
        CrossCheck.Report r = CrossCheck.run(THREE, 5, Shard.WHOLE, progress::add);
        // 2 x 2 x 2 chains x 2 kexec (the crash kexec enters K3)
        assertEquals(16, r.configurations());
        assertEquals(3, r.scope().kernels());
        assertEquals(3, r.bounds().kernels());
        assertTrue(progress.contains("both accounts started on at most 16 configurations"), progress.toString());
        assertEquals(r.configurations(), r.agreements(), r.disagreements().toString());
        // every chain's run is replayed, K3 included, and the simulator tells the same story state by state
        assertEquals(16, r.replayed());
        assertEquals(r.replayed(), r.stateAgreements(), r.stateDivergences().toString());
        assertEquals(Map.of("corruption", Map.of("corruption", 6), "recoverable", Map.of("recoverable", 8),
                "safe", Map.of("safe", 2)), r.classes());
    }

    @Test
    void aShardTakesTheChainsOfItsFirstKernelsOnly() {
        CrossCheck.Report first = CrossCheck.run(SCOPE, 5, Shard.parse("1/2"));
        CrossCheck.Report second = CrossCheck.run(SCOPE, 5, Shard.parse("2/2"));
        assertEquals(128, first.configurations() + second.configurations());
        assertTrue(first.agree() && second.agree());
    }
}
