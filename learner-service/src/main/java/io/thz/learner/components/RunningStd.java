package io.thz.learner.components;

/**
 * Running mean and variance (Welford) of every reward seen, for reward normalisation.
 */
public final class RunningStd {

    private long count;
    private double mean;
    private double m2;

    public RunningStd() {
    }

    /** Restores a saved state. */
    public RunningStd(long count, double mean, double m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    public void add(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
    }

    /** The standard deviation, or 1 before two values were seen or when all were equal. */
    public double std() {
        if (count < 2) {
            return 1.0;
        }
        double sd = Math.sqrt(m2 / (count - 1));
        return sd > 0 ? sd : 1.0;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    public double m2() {
        return m2;
    }
}
