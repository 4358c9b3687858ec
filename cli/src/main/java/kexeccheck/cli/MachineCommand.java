package kexeccheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.CheckRequest;
import kexeccheck.checker.Checker;
import kexeccheck.checker.ModelDescription;
import kexeccheck.report.BoardOptions;
import kexeccheck.report.BoardReport;
import kexeccheck.report.DecisionText;
import kexeccheck.report.JsonRoot;
import kexeccheck.report.ReportKind;
import kexeccheck.report.TextReport;
import kexeccheck.report.Version;
import kexeccheck.simulator.firmware.BoardFacts;
import kexeccheck.trace.TraceJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kexec-check machine}: will kexec from the running kernel to the next one work on this
 * system? Read from what the system shows ({@link RunningSystem}), the answer is the check of the
 * chain running → next on the configuration those files fix.
 */
@Command(name = "machine", mixinStandardHelpOptions = true,
        description = {"Reads what a running arm64 system shows -- /proc/sys/kernel/osrelease, /proc/cmdline,"
                + " /proc/iomem, /proc/interrupts, /sys/firmware/fdt, /sys/firmware/efi -- maps the running kernel"
                + " to the nearest profile, works out what those files fix (firmware, GIC and ITS, crash kernel,"
                + " LPI region), names the reserved ranges a loader must keep off, and checks the kexec running ->"
                + " --next on that configuration. --root reads the same files from a directory (a captured"
                + " bundle)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the kexec is safe (or there are no LPIs to hand over)", "1:a property is violated",
            "2:bad input: a missing or unreadable file under the root (named), a corrupt device tree, an unknown"
                + " profile or option", "3:internal error (details written to a file)"})
final class MachineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Where proc/ and sys/ are: / on the system itself, or a captured bundle. Default: ${DEFAULT-VALUE}.")
    Path root;

    @Option(names = "--next", required = true, paramLabel = "PROFILE",
            description = "The profile of the kernel kexec would start (e.g. linux-6.1, kdump-6.1).")
    String next;

    @Mixin
    ConfigurationOptions configuration;

    @Mixin
    SolverOptions engine;

    @Mixin
    VerdictOptions output;

    @Override
    public Integer call() {
        engine.choose();
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": not a directory (--root names a system's root or a captured bundle)");
        }
        RunningSystem system = RunningSystem.read(root);
        ModelDescription model = ModelDescription.of(configuration.model);
        RunningProfile running = RunningProfile.of(system, model.profiles().keySet());
        if (system.tree().flatMap(BoardFacts::kdump).isPresent()) {
            // the models' chains end with the crash kexec: nothing kexecs out of a capture kernel
            throw new BadInputException(root + ": the running kernel is a capture kernel ("
                    + system.tree().flatMap(BoardFacts::kdump).get() + "); a kexec out of a kdump kernel is outside"
                    + " the models, whose chains end with the crash kexec into it");
        }
        BoardOptions options = options(system);
        CheckRequest request = new CheckRequest(configuration.model, List.of(running.name(), next), List.of(),
                2, options.values(), options.cpus(), Optional.empty(), Optional.empty(), List.of());
        CheckReport report = Checker.check(request, !output.noProof, output.conditions.upTo(), stage -> { });
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? json(system, running, options, report)
                : text(system, running, options, report));
        out.flush();
        return report.anyViolated() ? KexecCheck.VIOLATED : KexecCheck.OK;
    }

    /** What the system's files fix; the user's options narrow it. */
    private BoardOptions options(RunningSystem s) {
        BoardOptions.Builder b = new BoardOptions.Builder();
        s.tree().ifPresent(b::tree);
        Optional<BoardFacts.ReservedRegion> lpi = s.tree().flatMap(BoardFacts::lpiRegion);
        String suffix = lpi.isPresent() ? "-preprogrammed" : "";
        String lpiWhy = lpi.map(r -> "; LPI tables pre-programmed by the bootloader (" + r.node() + ")").orElse("");
        b.fix("firmware", List.of((s.efi() ? "efi" : "dt") + suffix), (s.efi() ? "/sys/firmware/efi exists: booted"
                + " through EFI" : "no /sys/firmware/efi: booted without EFI") + lpiWhy);
        boolean treeGic = s.tree().map(t -> t.gic().kind() != BoardFacts.GicKind.NONE).orElse(false);
        boolean itsInUse = s.itsMsis() > 0;
        if (itsInUse && (!treeGic || s.tree().get().gic().its().isEmpty())) {
            b.fix("hardware", List.of("sticky", "clearable"), s.itsMsis() + " ITS MSIs in /proc/interrupts: a GICv3"
                    + " with an ITS; whether EnableLPIs is sticky is not shown");
        } else if (!treeGic && s.gicResources().contains("GICR")) {
            b.fix("hardware", List.of("sticky", "clearable"), "GICR in /proc/iomem: a GICv3 (no device tree GIC node:"
                    + " ACPI); no ITS MSI seen, so explored as if it had an ITS");
        }
        // no GIC in the tree and no GICR or ITS MSI seen: the hardware stays open, gicv2 among its values,
        // so a GICv3 whose redistributors /proc/iomem does not name is never taken for LPI-less
        if (s.parameter("crashkernel").isEmpty()) {
            b.fix("kexec", List.of("normal"), "no crashkernel= in /proc/cmdline: no crash kernel can be loaded");
        }
        boolean cpusGiven = spec.commandLine().getParseResult().hasMatchedOption("--cpus");
        return b.build(configuration.values(), cpusGiven ? configuration.cpus() : null,
                s.tree().filter(t -> t.cpus() > 0).map(t -> t.cpus() + " in the device tree's /cpus")
                        .orElse("no CPUs in a device tree (ACPI lists them)"), true,
                "what the system shows");
    }

    private String text(RunningSystem s, RunningProfile running, BoardOptions o, CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("kexec-check ").append(Version.current()).append(": machine ").append(s.root()).append('\n');
        out.append(DecisionText.render(report, "what the system shows")).append('\n');
        row(out, "kernel", running.note());
        row(out, "cmdline", s.cmdline());
        row(out, "EFI", s.efi() ? "yes (/sys/firmware/efi)" : "no (no /sys/firmware/efi)");
        row(out, "GIC", (s.gicResources().isEmpty() ? "no GIC entry" : String.join(", ", s.gicResources()))
                + " in /proc/iomem; " + (s.itsMsis() < 0 ? "no /proc/interrupts" : s.itsMsis()
                        + " ITS MSIs in /proc/interrupts"));
        row(out, "tree", s.tree().map(t -> "/sys/firmware/fdt: " + BoardReport.gic(t)
                + (t.gic().node().isEmpty() ? " (no GIC node: the firmware describes it in ACPI)" : " " + t.gic().node())
                + ", " + t.sizeBytes() + " bytes").orElse("no /sys/firmware/fdt"));
        row(out, "crash", s.parameter("crashkernel").map(v -> "crashkernel=" + v).orElse("no crashkernel="));
        row(out, "keep off", s.reservedInRam().size() + " reserved ranges in System RAM (/proc/iomem): a loader that"
                + " honours reserved ranges keeps kexec's segments off them");
        s.reservedInRam().stream().limit(8).forEach(r -> row(out, "", String.format("0x%x-0x%x", r.base(), r.end() - 1)));
        if (s.reservedInRam().size() > 8) {
            row(out, "", "… " + (s.reservedInRam().size() - 8) + " more (--format json lists all)");
        }
        row(out, "next", next);
        BoardReport.options(out, "what the system fixes", o);
        out.append('\n').append(TextReport.render(report, Optional.empty(), !output.noTiming));
        return out.toString();
    }

    private String json(RunningSystem s, RunningProfile running, BoardOptions o, CheckReport report) {
        ObjectNode root = JsonRoot.of(ReportKind.MACHINE);
        root.put("root", s.root().toString());
        ObjectNode m = root.putObject("machine");
        m.put("release", s.release());
        m.put("profile", running.name());
        m.put("profileNote", running.note());
        m.put("cmdline", s.cmdline());
        m.put("efi", s.efi());
        JsonRoot.putStrings(m, "gicResources", s.gicResources());
        m.put("itsMsis", s.itsMsis());
        s.tree().ifPresent(t -> m.set("deviceTree", BoardReport.facts(t)));
        ArrayNode keep = m.putArray("reservedInSystemRam");
        s.reservedInRam().forEach(r -> keep.addObject().put("base", r.base()).put("size", r.size()));
        root.put("next", next);
        BoardReport.options(root, o);
        root.set("check", BoardReport.check(report, !output.noTiming));
        return JsonRoot.write(root, "the machine report");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-9s %s%n", label, value));
    }
}
