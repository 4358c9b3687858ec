package kexeccheck.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.CheckRequest;
import kexeccheck.trace.ConfigurationOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The configuration options of every command that explores configurations ({@code check},
 * {@code matrix}, {@code crosscheck}, {@code diff}): each takes a comma-separated list of values;
 * one left out means every value the model allows.
 */
final class ScopeOptions {

    /** This mixin's own options, to read them by the names {@link ConfigurationOption} declares. */
    @Spec(Spec.Target.SELF)
    CommandSpec self;

    @Option(names = "--firmware", split = ",", paramLabel = "efi|dt|dt-preprogrammed|efi-preprogrammed",
            description = "Firmware: EFI, a device tree only, or a bootloader that programs the LPI tables"
                    + " (without EFI, or with it: U-Boot bootefi, EDK II).")
    List<String> firmware;

    @Option(names = "--reserved-memory", split = ",", paramLabel = "map|nomap",
            description = "The LPI region's /reserved-memory child: without or with no-map.")
    List<String> reservedMemory;

    @Option(names = "--dtb", split = ",", paramLabel = "passthrough|user-without-reserved",
            description = "The DTB kexec passes on: the running one, or a user DTB without the LPI node.")
    List<String> dtb;

    @Option(names = "--loader", split = ",", paramLabel = "honours-reserved|ignores-reserved",
            description = "Whether kexec-tools skips reserved entries nested in System RAM.")
    List<String> loader;

    @Option(names = "--syscall", split = ",", paramLabel = "kexec-load|kexec-file-load|kexec-file-load-unfinalised",
            description = "How kexec-tools loads the next kernel, with kexec_load (before 2.0.27 by default) or"
                    + " kexec_file_load (2.0.27+ tries it first; a kernel without it falls back), where the running kernel"
                    + " places the segments and passes its own boot DT; -unfinalised means a KHO kernel's KHO was not"
                    + " finalised.")
    List<String> syscall;

    @Option(names = "--hardware", split = ",", paramLabel = "sticky|clearable|gicv2",
            description = "EnableLPIs sticky once set, clearable (GICR_CTLR.CES, QEMU, KVM), or a GICv2 (no LPIs).")
    List<String> hardware;

    @Option(names = "--propbaser-sharing", split = ",", paramLabel = "per-redistributor|shared",
            description = "GICR_PROPBASER per redistributor (the architecture's default, QEMU), or one shared by all,"
                    + " which U-Boot's gic_lpi_tables_init() assumes when it writes it through redistributor 0 only.")
    List<String> propbaserSharing;

    @Option(names = "--devices", split = ",", paramLabel = "quiescent|active",
            description = "Devices quiet until the next kernel is up, or sending MSIs at any moment.")
    List<String> devices;

    @Option(names = "--kexec", split = ",", paramLabel = "normal|crash",
            description = "Normal kexec, or a crash kexec into a kdump kernel as the last transition.")
    List<String> kexec;

    @Option(names = "--page-size", split = ",", paramLabel = "4k|64k",
            description = "The kernels' base page size: it decides whether freeing a spare pending table carved"
                    + " from mapped reserved memory is checked (4k: Bad page state, leaked) or not (64k).")
    List<String> pageSize;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "" + CheckRequest.DEFAULT_CPUS,
            description = "CPUs (one redistributor each). Default: ${DEFAULT-VALUE}.")
    int cpus;

    /** The configuration options given, by CLI name; those left out are absent. */
    Map<String, List<String>> values() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (ConfigurationOption o : ConfigurationOption.values()) {
            // the option as this mixin declared it: its name is the one ConfigurationOption declares
            options.put(o.cliName(), GivenValues.of("--" + o.cliName(), self.findOption("--" + o.cliName()).getValue()));
        }
        options.values().removeIf(List::isEmpty);
        return options;
    }
}
