package kexeccheck.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alloy sources that ship with kexec-check, read from the classpath so
 * that the CLI finds them from any directory.
 *
 * <p>Paths are relative to the models' root: {@code kexec/core.als},
 * {@code proposals/upstream.als}, … A proposal's name is its file name
 * without {@code .als}.
 */
public final class ShippedModels {

    /** Classpath folder holding the sources and their {@code index.txt}. */
    public static final String ROOT = "/kexec-check/models/";

    /** The model used when none is named. */
    public static final String DEFAULT_PROPOSAL = "upstream";

    private static final String PROPOSALS = "proposals/";

    private ShippedModels() {}

    /** Every shipped source, by path relative to the root, in index order. */
    public static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String path : read("index.txt").strip().split("\n")) {
            sources.put(path, read(path));
        }
        return sources;
    }

    /** The names of the shipped proposals, for {@code -m}. */
    public static List<String> proposals() {
        return sources().keySet().stream()
                .filter(p -> p.startsWith(PROPOSALS))
                .map(p -> p.substring(PROPOSALS.length(), p.length() - ".als".length()))
                .sorted()
                .toList();
    }

    /** The path of a shipped proposal's source, relative to the root. */
    public static String proposalPath(String name) {
        return PROPOSALS + name + ".als";
    }

    private static String read(String path) {
        try (InputStream in = ShippedModels.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("shipped model source " + ROOT + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
