package org.labourgraph.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line on the terminal, rewritten in place at most five times a second: count, rate, time left.
 * Silent when standard error is not a terminal (logs and pipes stay clean).
 */
public final class TerminalProgress {
    private final PrintStream err;
    private final String unit;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint;

    private TerminalProgress(PrintStream err, String unit, long total) {
        this.err = err;
        this.unit = unit;
        this.total = total;
    }

    /** A progress line towards {@code total} {@code unit}s (0 if unknown), on standard error when it is a terminal. */
    public static TerminalProgress start(String unit, long total) {
        return new TerminalProgress(System.console() != null ? System.err : null, unit, total);
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (err == null || now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        double rate = done / Math.max(seconds(), 1e-3);
        if (total > 0) {
            long left = rate > 0 ? (long) Math.ceil(Math.max(total - done, 0) / rate) : 0;
            err.printf(Locale.ROOT, "\r%,d / ~%,d %s (%3d%%)  %,.0f/s  %d:%02d left   ", done, total, unit,
                    Math.min(100, (int) (100 * done / total)), rate, left / 60, left % 60);
        } else {
            err.printf(Locale.ROOT, "\r%,d %s  %,.0f/s   ", done, unit, rate);
        }
        err.flush();
    }

    /** A free-form status on the progress line (e.g. which step of a benchmark runs, and how long it may take). */
    public void status(String text) {
        if (err != null) {
            String line = text.length() > 100 ? text.substring(0, 100) : text;
            err.print("\r" + line + " ".repeat(Math.max(0, 100 - line.length())));
            err.flush();
        }
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Clears the line, so the summary that follows starts clean. */
    public void finish() {
        if (err != null) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
