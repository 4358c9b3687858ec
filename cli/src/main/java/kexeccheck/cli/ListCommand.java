package kexeccheck.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kexeccheck.checker.Annotations;
import kexeccheck.checker.ModelDescription;
import kexeccheck.models.ShippedModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kexec-check list}: proposals, profiles with capabilities, properties, option values. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the shipped proposals and, for one model, its profiles (with capabilities),"
                + " properties and configuration option values.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:bad input: an unknown model, or one that does not parse",
            "3:internal error (details written to a file)"})
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME|FILE.als", defaultValue = "upstream",
            description = "The model to describe. Default: ${DEFAULT-VALUE}.")
    String model;

    @Override
    public Integer call() {
        ModelDescription d = ModelDescription.of(model);
        PrintWriter out = spec.commandLine().getOut();
        out.println("proposals (-m):");
        for (String p : ShippedModels.proposals()) {
            out.println("  " + p + (p.equals(ShippedModels.DEFAULT_PROPOSAL) ? "  (default)" : ""));
        }
        out.println();
        out.println("profiles of " + d.model() + " (--chain, --population):");
        int width = d.profiles().keySet().stream().mapToInt(String::length).max().orElse(10);
        d.profiles().forEach((p, caps) -> out.printf("  %-" + width + "s  %s%n", p, String.join(" ", caps)));
        out.println();
        out.println("capabilities: " + String.join(", ", d.capabilities()));
        out.println("hand-over channels: " + (d.channels().isEmpty() ? "none besides the EFI memreserve list"
                : String.join(", ", d.channels())));
        out.println();
        out.println("properties (--property):");
        for (Annotations.Annotated p : d.properties()) {
            out.printf("  %-20s violation means %-11s  %s:%d%n", p.name(), p.outcome().cliName(), p.source(), p.line());
        }
        out.println();
        out.println("options (comma-separated values; left out = all):");
        for (Map.Entry<String, List<String>> o : d.options().entrySet()) {
            out.printf("  --%-16s %s%n", o.getKey(), String.join(" | ", o.getValue()));
        }
        out.println("  --cpus N, --kernels N, --steps N, --frames N  (bounds; see check --help)");
        out.flush();
        return KexecCheck.OK;
    }
}
