package kexeccheck.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration a counterexample runs in, as the solver chose it.
 *
 * @param options each configuration option and its value ({@code firmware=dt}, {@code hardware=sticky}, …)
 * @param chain the kernels in boot order
 * @param cpus the CPUs, the boot CPU first
 * @param frames the memory frames the model names
 * @param board the board's LPI region and crashkernel region
 */
public record Configuration(
        Map<String, String> options,
        List<KernelInstance> chain,
        List<String> cpus,
        List<String> frames,
        Board board) {

    public Configuration {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        chain = List.copyOf(chain);
        cpus = List.copyOf(cpus);
        frames = List.copyOf(frames);
    }

    /** The kernel with this name ({@code K1}, {@code K2}, …). */
    public KernelInstance kernel(String name) {
        return chain.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kernel " + name + " in the chain"));
    }

    /**
     * One kernel of the chain.
     *
     * @param name {@code K1}, {@code K2}, … in boot order
     * @param profile its profile ({@code linux-6.1}, …)
     * @param capabilities the profile's capabilities
     * @param entry how it was entered: {@code firmware-boot}, {@code kexec} or {@code crash-kexec}
     * @param image the frame its image segment was placed in, or null (elsewhere)
     * @param initrd the frame its initrd segment was placed in, or null
     * @param dtb the frame its DTB segment was placed in, or null
     */
    public record KernelInstance(
            String name, String profile, List<String> capabilities, String entry,
            String image, String initrd, String dtb) {
        public KernelInstance {
            capabilities = List.copyOf(capabilities);
        }
    }

    /**
     * The board's memory regions.
     *
     * @param lpiRegion the /reserved-memory LPI region's slots: {@code property} then one per CPU, or empty
     * @param crashRegion the crashkernel= region's frames
     */
    public record Board(Map<String, String> lpiRegion, List<String> crashRegion) {
        public Board {
            lpiRegion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lpiRegion));
            crashRegion = List.copyOf(crashRegion);
        }
    }
}
