package kexeccheck.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;

/**
 * The trace module's fixtures ({@code counterexamples/trace/src/test/resources/traces}, real output of
 * {@code check --out}) of the public scenarios that fail: each draws a property's offence.
 */
final class Fixtures {

    /** Read in place, so the graphs are drawn from the very files the replay tests replay. */
    private static final Path ROOT = Path.of("../trace/src/test/resources/traces");

    private static final List<String> PUBLIC_FAILING =
            List.of("efi-new-to-old", "no-efi-sticky-breaks", "pre-4.20-breaks", "seed-objection-found");

    private Fixtures() {}

    /** {@code SCENARIO.PROPERTY}, e.g. {@code seed-objection-found.no-stray-write}. */
    static Path path(String name) {
        int dot = name.lastIndexOf('.'); // scenario names have dots (pre-4.20-breaks), properties do not
        Path p = ROOT.resolve(name.substring(0, dot)).resolve(name.substring(dot + 1) + ".trace.json");
        if (!Files.isRegularFile(p)) throw new AssertionError("no fixture " + p.toAbsolutePath());
        return p;
    }

    /** Every fixture's name, sorted: each public scenario that fails, once per violated property. */
    static Stream<String> names() throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (String scenario : PUBLIC_FAILING) {
            try (Stream<Path> files = Files.list(ROOT.resolve(scenario))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".trace.json"))
                        .forEach(n -> names.add(scenario + "." + n.substring(0, n.length() - ".trace.json".length())));
            }
        }
        return names.stream().sorted();
    }

    static Trace trace(String name) {
        return TraceJson.read(path(name));
    }
}
