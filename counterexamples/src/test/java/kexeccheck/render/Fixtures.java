package kexeccheck.render;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;

/** The traces under {@code src/test/resources/kexeccheck/traces}: real output of {@code check --out}. */
final class Fixtures {

    private Fixtures() {}

    /** {@code SCENARIO.PROPERTY}, e.g. {@code seed-objection-found.no-stray-write}. */
    static Path path(String name) {
        URL url = Fixtures.class.getResource("/kexeccheck/traces/" + name + ".trace.json");
        if (url == null) throw new AssertionError("no fixture " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Every fixture's name, sorted: each public scenario that fails, once per violated property. */
    static java.util.stream.Stream<String> names() throws java.io.IOException {
        Path dir = path("seed-objection-found.no-stray-write").getParent();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".trace.json"))
                    .map(n -> n.substring(0, n.length() - ".trace.json".length())).sorted().toList().stream();
        }
    }

    static Trace trace(String name) {
        return TraceJson.read(path(name));
    }
}
