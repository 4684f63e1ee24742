package io.thz.learner.runners;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal (redrawn in place), or a line every 5 % when the output
 * is not a terminal (CI logs).
 */
public final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final long startSteps;
    private int lastPercentPrinted = -1;

    public Progress(PrintStream out, boolean terminal, long total, long startSteps) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.startSteps = startSteps;
    }

    /** Redraws the bar. */
    public void update(long steps, long episodes, double reward, double eeGbitPerJoule) {
        double fraction = Math.min(1.0, (double) steps / total);
        int percent = (int) Math.floor(fraction * 100);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? (steps - startSteps) / seconds : 0;
        long etaSeconds = rate > 0 ? (long) ((total - steps) / rate) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format("[%s%s] %3d%% %d/%d steps  ep %d  reward %.3f  EE %.3f Gbit/J  %.0f steps/s  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), percent, steps, total, episodes, reward, eeGbitPerJoule,
                rate, duration(etaSeconds));
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else if (percent / 5 != lastPercentPrinted / 5 || percent == 100 && lastPercentPrinted != 100) {
            out.println(line);
        }
        lastPercentPrinted = percent;
    }

    /** Ends the bar's line. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    /** h:mm:ss. */
    public static String duration(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
