package kexeccheck.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Graphviz's {@code dot} program (Debian's {@code graphviz} package), which
 * lays out and draws the DOT that {@link TraceGraph} writes. kexec-check uses
 * no other Graphviz engine: nothing is unpacked or downloaded at run time.
 *
 * @param executable the {@code dot} executable
 */
public record DotProgram(Path executable) {

    /** System property naming the {@code dot} executable, overriding the search of {@code PATH}. */
    public static final String PROPERTY = "kexec-check.dot";

    /** How to get {@code dot}, for the line that says it is missing. */
    public static final String HOW_TO_INSTALL = "apt-get install graphviz";

    /**
     * The {@code dot} program: the {@value #PROPERTY} system property if set
     * (an empty or missing file meaning "none"), else the first {@code dot} on {@code PATH}.
     */
    public static Optional<DotProgram> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path p = Path.of(configured);
            return !configured.isEmpty() && Files.isExecutable(p) ? Optional.of(new DotProgram(p)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new DotProgram(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Draws DOT text as SVG or PNG.
     *
     * @return the drawing's bytes
     * @throws IllegalStateException when {@code dot} fails (a bug: the DOT is ours)
     */
    public byte[] render(String dotText, GraphFormat format) {
        if (format == GraphFormat.dot) {
            return dotText.getBytes(StandardCharsets.UTF_8);
        }
        Path input = null;
        Path errors = null;
        try {
            input = Files.createTempFile("kexec-check-graph-", ".dot");
            errors = Files.createTempFile("kexec-check-graph-", ".err");
            Files.writeString(input, dotText);
            Process p = new ProcessBuilder(executable.toString(), "-T" + format.name())
                    .redirectInput(input.toFile())
                    .redirectError(errors.toFile())
                    .start();
            byte[] out;
            try (InputStream stdout = p.getInputStream()) {
                out = stdout.readAllBytes();
            }
            int exit = p.waitFor();
            if (exit != 0 || out.length == 0) {
                String why = Files.readString(errors).strip();
                throw new IllegalStateException(executable + " -T" + format + " failed (exit " + exit + "): "
                        + (why.isEmpty() ? "no output" : why.lines().findFirst().orElse("")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(executable + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + executable + " ran", e);
        } finally {
            deleteQuietly(input);
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
