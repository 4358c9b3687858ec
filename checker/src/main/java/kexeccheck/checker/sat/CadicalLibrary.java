package kexeccheck.checker.sat;

import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code libkexeccheck-cadical.so} is and whether it loads. The path comes from the system
 * property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT}, else
 * {@code native/target/} of the first directory from the working directory upwards that has it (a
 * Maven module's tests run in the module's directory, below the repository's {@code native/}).
 */
public final class CadicalLibrary {

    /** The system property naming the library file (the launcher sets it). */
    public static final String PROPERTY = "kexeccheck.cadical";
    /** The environment variable naming the library file. */
    public static final String ENVIRONMENT = "KEXEC_CHECK_CADICAL";
    /** The library's path below a repository, as {@code native/build-cadical.sh} writes it. */
    static final Path IN_REPOSITORY = Path.of("native", "target", "libkexeccheck-cadical.so");

    /** Per path, because a test names a missing one after the real one loaded. */
    private static final Map<Path, Optional<String>> TRIED = new HashMap<>();
    private static Path loaded;

    private CadicalLibrary() {}

    /** The file the library is looked for at. */
    public static Path path() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(ENVIRONMENT);
        }
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(IN_REPOSITORY))) {
                return dir.resolve(IN_REPOSITORY);
            }
        }
        return start.resolve(IN_REPOSITORY);
    }

    /**
     * Loads the library at {@link #path()}, once per process and path.
     *
     * @return empty when it loaded, else why not, in a few words
     */
    public static synchronized Optional<String> load() {
        return TRIED.computeIfAbsent(path(), CadicalLibrary::tryLoad);
    }

    /** The file that loaded, for messages; null before a successful {@link #load()}. */
    static synchronized Path loaded() {
        return loaded;
    }

    private static Optional<String> tryLoad(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.of("no such file (native/build-cadical.sh builds it)");
        }
        if (loaded != null) {
            // JNA binds CadicalNative's methods to one library per process
            return Optional.of("another CaDiCaL library is loaded already (" + loaded + ")");
        }
        try {
            CadicalNative.bind(NativeLibrary.getInstance(path.toString()));
            CadicalNative.ccadical_signature(); // a call that crosses, so a broken binding fails here
        } catch (LinkageError | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " "));
        }
        loaded = path;
        return Optional.empty();
    }

    /** The CaDiCaL version string, once loaded. */
    static String signature() {
        return CadicalNative.ccadical_signature();
    }
}
