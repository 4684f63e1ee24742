package io.thz.core.noma;

/** Achievable rate of a user, equation (18). */
public final class ShannonRate {

    private ShannonRate() {
    }

    /** R = log2(1 + γ), in bit/s/Hz, for a linear SINR γ. */
    public static double bpsHz(double sinr) {
        return Math.log1p(sinr) / Math.log(2.0);
    }

    /** Throughput B R in Gbit/s, for R in bit/s/Hz and the bandwidth B in hertz. */
    public static double gbps(double rateBpsHz, double bandwidthHz) {
        return bandwidthHz * rateBpsHz / 1e9;
    }
}
