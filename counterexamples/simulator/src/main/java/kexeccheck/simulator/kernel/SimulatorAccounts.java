package kexeccheck.simulator.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the simulator has an account of: the capabilities its own code implements
 * ({@link Capabilities}) and whatever the {@link KernelExtension}s on the class path add.
 */
public final class SimulatorAccounts {

    private static final Set<String> BUILT_IN = builtIn();
    private static final List<KernelExtension> EXTENSIONS = load();

    private SimulatorAccounts() {}

    /** The extensions found on the class path, in the order ServiceLoader gives them. */
    public static List<KernelExtension> extensions() {
        return EXTENSIONS;
    }

    /** The extensions a kernel with these capabilities runs. */
    static List<KernelExtension> of(Capabilities capabilities) {
        return EXTENSIONS.stream().filter(e -> e.capabilities().stream().anyMatch(capabilities::has)).toList();
    }

    /**
     * Why a model cannot be replayed on the simulator: the first capability or channel no account covers.
     *
     * @param profiles each profile's name to its capabilities
     * @param channels the model's hand-over channels
     * @return a reason such as {@code capability chosen-lpi-tables (profile linux-6.1+chosen) has no simulator
     *     account}, or empty when every one is covered
     */
    public static Optional<String> unaccounted(Map<String, ? extends Collection<String>> profiles,
                                               Collection<String> channels) {
        Set<String> caps = new TreeSet<>(BUILT_IN);
        Set<String> chans = new TreeSet<>();
        EXTENSIONS.forEach(e -> {
            caps.addAll(e.capabilities());
            chans.addAll(e.channels());
        });
        for (Map.Entry<String, ? extends Collection<String>> p : new java.util.TreeMap<>(profiles).entrySet()) {
            for (String c : new TreeSet<>(p.getValue())) {
                if (!caps.contains(c)) {
                    return Optional.of("capability " + c + " (profile " + p.getKey() + ") has no simulator account");
                }
            }
        }
        return new TreeSet<>(channels).stream().filter(ch -> !chans.contains(ch)).findFirst()
                .map(ch -> "hand-over channel " + ch + " has no simulator account");
    }

    private static List<KernelExtension> load() {
        List<KernelExtension> out = new ArrayList<>();
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(SimulatorAccounts.class.getClassLoader());
        ServiceLoader.load(KernelExtension.class, loader).forEach(out::add);
        return List.copyOf(out);
    }

    /** Every capability name {@link Capabilities} declares: the code paths the simulator itself has. */
    private static Set<String> builtIn() {
        Set<String> names = new TreeSet<>();
        for (Field f : Capabilities.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(names);
    }
}
