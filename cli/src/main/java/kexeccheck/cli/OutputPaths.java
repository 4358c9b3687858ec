package kexeccheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import kexeccheck.checker.BadInputException;

/**
 * The output paths of a command, checked before any work starts: a path that cannot be written is
 * found in milliseconds, not after minutes of solving whose results would then be lost. Nothing is
 * created here (bad input elsewhere must leave nothing behind); the writers create the folders
 * ({@link TraceFiles#writeAtomically}).
 */
public final class OutputPaths {

    private OutputPaths() {}

    /**
     * A directory to write files into ({@code --out}, {@code --render}): an existing directory, or one
     * that can be created.
     *
     * @throws BadInputException for {@code -}, an existing file, or a directory that cannot be created
     */
    static void directory(String option, Path dir) {
        if (dir == null) {
            return;
        }
        if (dir.toString().equals("-")) {
            throw new BadInputException(option + " -: give a directory (it gets one file per counterexample; the"
                    + " report itself goes to standard output)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(option + " " + dir + ": a file, not a directory");
        }
        requireCreatable(option + " " + dir, dir.toAbsolutePath());
    }

    /**
     * A file to write ({@code --html}, {@code --junit}, {@code --sarif}), in a folder that exists or can
     * be created.
     *
     * @throws BadInputException for {@code -}, an existing directory, or a folder that cannot be created
     *     or written
     */
    public static void file(String option, Path file) {
        if (file == null) {
            return;
        }
        if (file.toString().equals("-")) {
            throw new BadInputException(option + " -: give a file (the report itself goes to standard output)");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + " " + file + ": a directory, not a file");
        }
        requireCreatable(option + " " + file + ": its folder", file.toAbsolutePath().getParent());
    }

    /**
     * The directory exists and is writable, or its nearest existing ancestor is a writable directory.
     *
     * @param what the option and path, for the message
     */
    private static void requireCreatable(String what, Path dir) {
        Path at = dir;
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        if (at == null || !Files.isDirectory(at)) {
            throw new BadInputException(what + " cannot be created (" + at + " is a file)");
        }
        if (!Files.isWritable(at)) {
            throw new BadInputException(what + " cannot be created (" + at + " is not writable)");
        }
    }
}
