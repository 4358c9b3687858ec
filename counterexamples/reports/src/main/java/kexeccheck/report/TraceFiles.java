package kexeccheck.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.PropertyResult;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;

/**
 * Writes {@code --out DIR}: one {@code PROPERTY.trace.json} per counterexample and, when a witness
 * decided the outcome class (fail-stop, recoverable), {@code WITNESS.trace.json}; each file whole or absent.
 */
public final class TraceFiles {

    private TraceFiles() {}

    /**
     * Writes each counterexample of the report to {@code DIR/PROPERTY.trace.json} (the ones after the first
     * that {@code --counterexamples N} asked for to {@code PROPERTY.2.trace.json}, …), removing stale traces.
     */
    public static void write(Path dir, CheckReport report) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot create the output directory (" + e.getMessage() + ")");
        }
        // the traces of an earlier run would read as this run's: only this run's are left
        try (java.util.stream.Stream<Path> old = Files.list(dir)) {
            for (Path stale : old.filter(f -> f.getFileName().toString().endsWith(".trace.json")).toList()) {
                Files.delete(stale);
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot remove the traces of an earlier run (" + e.getMessage() + ")");
        }
        for (PropertyResult p : report.properties()) {
            p.counterexample().ifPresent(trace -> writeAtomically(dir.resolve(p.name() + ".trace.json"),
                    TraceJson.write(trace)));
            List<Trace> more = report.counterexamples().map(c -> c.more().getOrDefault(p.name(), List.of()))
                    .orElse(List.of());
            for (int i = 0; i < more.size(); i++) { // --counterexamples N: PROPERTY.2.trace.json, …
                writeAtomically(dir.resolve(p.name() + "." + (i + 2) + ".trace.json"), TraceJson.write(more.get(i)));
            }
        }
        report.outcomeWitness().ifPresent(trace -> writeAtomically(dir.resolve(trace.property() + ".trace.json"),
                TraceJson.write(trace)));
    }

    /** A temporary file is private (0600); the file it becomes is an ordinary one (0644). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes beside the target and renames, so a reader never sees half a file. */
    public static void writeAtomically(Path target, String content) {
        writeAtomically(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Writes beside the target and renames, so a reader never sees half a file; creates the target's
     * folder first, as every output of kexec-check does.
     */
    static void writeAtomically(Path target, byte[] content) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.write(temp, content);
                readableByAll(temp);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot be written (" + e.getMessage() + ")");
        }
    }
}
