package kexeccheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One line of progress on stderr, redrawn in place, and only when a person is watching: with no
 * console (a pipe, a CI log, a test) it prints nothing, so reports and logs stay as they are. The
 * time shown ticks every second while one long step (a SAT search) runs.
 */
public final class TerminalProgress implements AutoCloseable {

    /** Redrawing faster than this only makes the terminal flicker. */
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String command;
    private final boolean live;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private long lastDraw;
    private int drawn;
    private String current;

    TerminalProgress(PrintWriter err, String command, boolean live) {
        this.err = err;
        this.command = command;
        this.live = live;
        this.ticker = live ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (live) {
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Progress of {@code command} on {@code err}, shown only if the JVM has a console. */
    public static TerminalProgress of(PrintWriter err, String command) {
        return new TerminalProgress(err, command, System.console() != null);
    }

    /** The seconds since this progress began. */
    long elapsedSeconds() {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    /** Shows {@code text} and the time so far, unless the line was redrawn a moment ago. */
    public synchronized void show(String text) {
        if (!live) {
            return;
        }
        current = text;
        long now = System.nanoTime();
        if (drawn > 0 && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        draw(now);
    }

    private synchronized void tick() {
        if (current != null) {
            draw(System.nanoTime());
        }
    }

    private void draw(long now) {
        lastDraw = now;
        String line = command + ": " + current + " (" + elapsedSeconds() + " s)";
        // pad over what the last line left, so a shorter line leaves no tail
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /**
     * Clears the line until the next {@link #show}, so that a report line printed meanwhile (on the same
     * terminal) starts on a clean one.
     */
    public synchronized void clear() {
        current = null;
        if (live && drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }

    /** Clears the line and stops the ticking, so that what is printed next starts on a clean one. */
    @Override
    public synchronized void close() {
        if (live) {
            ticker.shutdownNow();
        }
        clear();
    }
}
