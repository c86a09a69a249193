package dev.jostle.hunt;

import dev.jostle.engine.Campaign;
import dev.jostle.engine.RoundOutcome;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One self-overwriting line of progress (rounds done, rounds per second, time left), on a terminal only:
 * redirected output gets no progress noise. Redrawn at most five times a second.
 */
final class Progress implements Campaign.Listener {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream console;
    private final Duration budget;
    private final int roundBudget;
    private long lastDrawn;
    private int lastWidth;

    private Progress(PrintStream console, Duration budget, int roundBudget) {
        this.console = console;
        this.budget = budget;
        this.roundBudget = roundBudget;
    }

    /** A progress line on the given stream when the hunt runs on a terminal; otherwise silence. */
    static Campaign.Listener forTerminal(PrintStream console, HuntOptions options) {
        return onTerminal() ? new Progress(console, options.time(), options.rounds()) : Campaign.Listener.NONE;
    }

    static boolean onTerminal() {
        Console terminal = System.console();
        if (terminal == null) {
            return false;
        }
        try {
            // From JDK 22 System.console() is never null; isTerminal() tells whether it is a real one.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(terminal);
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            return true;
        }
    }

    @Override
    public synchronized void roundDone(RoundOutcome outcome, int roundsDone, Duration elapsed) {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        long left = Math.max(0, budget.minus(elapsed).toSeconds());
        String line = String.format(Locale.ROOT, "jostle hunt: %d rounds%s, %.0f rounds/s, %ds left", roundsDone,
                roundBudget > 0 ? " of " + roundBudget : "", roundsDone / seconds, left);
        draw(line);
    }

    /** Clears the line, so that the report starts on a clean one. */
    synchronized void clear() {
        draw("");
    }

    private void draw(String line) {
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            text.append(' ');
        }
        if (line.isEmpty()) {
            text.append('\r');
        }
        lastWidth = line.length();
        console.print(text);
        console.flush();
    }

    /** Clears a progress line if the listener is one. */
    static void clear(Campaign.Listener listener) {
        if (listener instanceof Progress) {
            ((Progress) listener).clear();
        }
    }
}
