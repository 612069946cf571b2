package dev.cited.app;

import dev.cited.collection.CollectionProgress;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Shows a collection's progress while it is read, indexed and embedded: on a terminal one line redrawn in
 * place a few times a second; otherwise (a log file, a pipe) a line when the state changes and every
 * half minute, so a log is not flooded.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final long TERMINAL_EVERY_MILLIS = 250;
    private static final long LOG_EVERY_MILLIS = 30_000;

    private final Supplier<CollectionProgress> progress;
    private final PrintStream out;
    private final boolean terminal;
    private final boolean untilReady;
    private final Thread thread;
    private volatile boolean closed;
    private String lastLine = "";

    private ProgressDisplay(Supplier<CollectionProgress> progress, PrintStream out, boolean terminal,
                            boolean untilReady) {
        this.progress = progress;
        this.out = out;
        this.terminal = terminal;
        this.untilReady = untilReady;
        this.thread = new Thread(this::run, "cited-progress");
        this.thread.setDaemon(true);
    }

    /** @param terminal whether {@code out} is a terminal (a line can be redrawn in place) */
    static ProgressDisplay start(Supplier<CollectionProgress> progress, PrintStream out, boolean terminal) {
        return start(progress, out, terminal, false);
    }

    /** @param untilReady stop by itself once the collection is ready (the server's start) */
    static ProgressDisplay start(Supplier<CollectionProgress> progress, PrintStream out, boolean terminal,
                                 boolean untilReady) {
        ProgressDisplay display = new ProgressDisplay(progress, out, terminal, untilReady);
        display.thread.start();
        return display;
    }

    /** Whether this process writes to a terminal. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    private void run() {
        String lastState = null;
        long lastLogged = 0;
        while (!closed) {
            CollectionProgress p = progress.get();
            if (p != null) {
                long now = System.currentTimeMillis();
                if (terminal) {
                    draw(ProgressBar.render(p));
                } else if (!p.state().equals(lastState) || now - lastLogged >= LOG_EVERY_MILLIS) {
                    out.println(ProgressBar.render(p));
                    lastLogged = now;
                }
                lastState = p.state();
                if (untilReady && p.state().equals("ready")) {
                    finish();
                    return;
                }
            }
            try {
                Thread.sleep(terminal ? TERMINAL_EVERY_MILLIS : 1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Prints a line of its own above the progress line. */
    synchronized void println(String line) {
        out.print(terminal && !lastLine.isEmpty() && !closed ? "\r\033[K" + line + "\n" + lastLine : line + "\n");
        out.flush();
    }

    private synchronized void draw(String line) {
        if (!line.equals(lastLine)) {
            out.print("\r\033[K" + line);
            out.flush();
            lastLine = line;
        }
    }

    /** Stops, leaving the final state on its own line. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish();
    }

    private synchronized void finish() {
        closed = true;
        CollectionProgress p = progress.get();
        if (p != null) {
            if (terminal) {
                draw(ProgressBar.render(p));
                out.println();
            } else {
                out.println(ProgressBar.render(p));
            }
        }
    }
}
