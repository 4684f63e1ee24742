package io.thz.core.energy;

import io.thz.core.model.Clustering;
import io.thz.core.model.SlotConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnergyModelTest {

    /** Table II: N_A = 64, N_R = 4, B_R = 2 here to make P_RIS(B_R) visible. */
    static final SlotConfig TABLE_II = new SlotConfig(64, 4, 3, 20, 2, 1e10, -174, 5, 1 / 0.38,
            0.2, 0.16, 0.03, 0.02, 0.01, 0.01, Clustering.QOS);

    @Test
    void apCircuitPowerIs4point04WattsWithTableII() {
        // P_AP = P_BB + N_R P_RF + N_A (P_PS + P_PA) = 0.2 + 4 * 0.16 + 64 * (0.03 + 0.02)
        //      = 0.2 + 0.64 + 3.2 = 4.04 W
        assertThat(EnergyModel.apCircuitPowerW(TABLE_II)).isCloseTo(4.04, within(1e-12));
    }

    @Test
    void risElementPowerScalesWithItsBits() {
        // P_RIS(B_R) = B_R * 0.01 W = 0.02 W for B_R = 2
        assertThat(EnergyModel.risElementPowerW(TABLE_II)).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void totalPowerAddsAmplifiersUsersApsAndOnRisElements() {
        // xi * 3 W = 3 / 0.38 = 7.894736842105263 W; K P_D = 24 * 0.01 = 0.24 W;
        // M P_AP = 3 * 4.04 = 12.12 W; 10 ON elements * 0.02 W = 0.2 W; total 20.454736842105263 W
        assertThat(EnergyModel.totalPowerW(TABLE_II, 3.0, 24, 3, 10)).isCloseTo(20.454736842105263, within(1e-12));
    }

    @Test
    void energyEfficiencyIsBandwidthTimesSumRateOverTotalPower() {
        // B Σ R / P = 1e10 Hz * 12 bit/s/Hz / 20 W = 6e9 bit/J = 6 Gbit/J; Σ R / P = 0.6 bit/s/Hz/W
        assertThat(EnergyModel.efficiencyGbitPerJoule(12.0, 1e10, 20.0)).isCloseTo(6.0, within(1e-12));
        assertThat(EnergyModel.efficiencyBpsHzPerW(12.0, 20.0)).isCloseTo(0.6, within(1e-15));
    }
}
