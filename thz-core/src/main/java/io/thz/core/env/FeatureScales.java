package io.thz.core.env;

import io.thz.core.channel.ChannelParameters;
import io.thz.core.channel.PathLoss;
import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.RisMount;
import io.thz.core.geometry.Vec3;
import io.thz.core.model.SlotConfig;
import io.thz.core.scenario.Scenario;

/**
 * The scale constants that make the features O(1) for a neural network (the spec leaves the scaling
 * open). Every constant derives from the scenario: a channel entry is divided by the amplitude of a
 * line-of-sight path at the shortest distance the geometry allows, so clear LoS entries are at most
 * about 1 and blocked or distant ones fall below; queues are divided by the user's q_max, powers by
 * P_max, rates by the spectral efficiency of one user at full power over the shortest LoS link.
 *
 * <p>The per-antenna (or per-element) amplitude of a LoS path at distance d is
 * {@code sqrt(Lpath(f, d) gain)}: {@code sqrt(N_A Lpath G) alpha^H} with {@code |alpha_n| = N_A^-1/2}
 * (spec section 3), likewise for the RIS hops with G_R.
 *
 * @param directAmplitude    a_ref = sqrt(Lpath(f, d_AU) G), d_AU = min over APs of (z_AP - h_U): the
 *                           scale of direct and equivalent AP-user channel entries (dimensionless)
 * @param risUserAmplitude   sqrt(Lpath(f, d_RU) G_R), d_RU = min over RISs of (z_RIS - h_U): the scale of
 *                           RIS-user channel entries; NaN without RISs
 * @param apRisAmplitude     sqrt(Lpath(f, d_AR) G_R), d_AR = min over AP-RIS pairs of their distance: the
 *                           scale of AP-RIS channel entries; NaN without RISs
 * @param referenceRateBpsHz log2(1 + P_max N_A a_ref^2 / N0), in bit/s/Hz: the scale of rates
 * @param pmaxW              P_max, in watts: the scale of powers
 * @param queueMaxGbit       q_max of each user (scenario order), in Gbit: the scale of q, Y and Lambda
 */
public record FeatureScales(double directAmplitude, double risUserAmplitude, double apRisAmplitude,
                            double referenceRateBpsHz, double pmaxW, double[] queueMaxGbit) {

    public FeatureScales {
        queueMaxGbit = queueMaxGbit.clone();
    }

    /** The scales of a scenario. */
    public static FeatureScales of(Scenario scenario) {
        Deployment deployment = scenario.deployment();
        ChannelParameters radio = scenario.channelParameters();
        PathLoss pathLoss = new PathLoss(radio.carrierHz(), radio.absorptionPerM());
        double userHeightM = scenario.geometry().userHeightM();

        double apUserM = Double.POSITIVE_INFINITY;
        for (Vec3 ap : deployment.aps()) {
            apUserM = Math.min(apUserM, ap.z() - userHeightM);
        }
        double risUserM = Double.POSITIVE_INFINITY;
        double apRisM = Double.POSITIVE_INFINITY;
        for (RisMount ris : deployment.rises()) {
            risUserM = Math.min(risUserM, ris.centre().z() - userHeightM);
            for (Vec3 ap : deployment.aps()) {
                apRisM = Math.min(apRisM, ap.minus(ris.centre()).norm());
            }
        }
        double direct = Math.sqrt(pathLoss.linear(apUserM) * radio.apGain());
        boolean rises = !deployment.rises().isEmpty();
        double risUser = rises ? Math.sqrt(pathLoss.linear(risUserM) * radio.risGain()) : Double.NaN;
        double apRis = rises ? Math.sqrt(pathLoss.linear(apRisM) * radio.risGain()) : Double.NaN;
        SlotConfig config = scenario.slotConfig();
        double snr = config.pmaxW() * config.antennas() * direct * direct / config.noiseW();
        double rate = Math.log(1 + snr) / Math.log(2);
        return new FeatureScales(direct, risUser, apRis, rate, config.pmaxW(),
                scenario.queueParameters().queueMaxGbit());
    }
}
