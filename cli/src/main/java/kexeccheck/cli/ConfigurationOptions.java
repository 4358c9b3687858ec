package kexeccheck.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model and the configurations explored, shared by {@code check}, {@code matrix} and
 * {@code crosscheck} ({@code diff} takes two models and the same {@link ScopeOptions}).
 */
final class ConfigurationOptions {

    @Option(names = {"-m", "--model"}, paramLabel = "NAME|FILE.als", defaultValue = "upstream",
            description = "Shipped proposal (upstream, dt-memory-region-v1, bootloader-preprogrammed, kho-lpi-tables) or an .als file."
                    + " Default: ${DEFAULT-VALUE}.")
    String model;

    @Mixin
    ScopeOptions scope;

    /** The configuration options given, by CLI name; those left out are absent. */
    Map<String, List<String>> values() {
        return scope.values();
    }

    /** The number of CPUs. */
    int cpus() {
        return scope.cpus;
    }
}
