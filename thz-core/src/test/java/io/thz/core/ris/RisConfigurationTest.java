package io.thz.core.ris;

import io.thz.core.model.RisAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RisConfigurationTest {

    @Test
    void oneBitPhasesAreZeroAndPi() {
        // theta = 2^(1 - 1) pi beta: beta = 0 -> 0 (coefficient 1), beta = 1 -> pi (coefficient -1)
        RisConfiguration c = RisConfiguration.of(new RisAction(new boolean[] {true, true}, new int[] {0, 1}), 1);
        assertThat(c.re()).containsExactly(new double[] {1.0, -1.0}, within(1e-15));
        assertThat(c.im()).containsExactly(new double[] {0.0, 0.0}, within(1e-15));
    }

    @Test
    void twoBitPhasesAreQuarterTurns() {
        // theta = 2^(1 - 2) pi beta = beta pi / 2: beta = 1 -> j, beta = 2 -> -1, beta = 3 -> -j
        RisConfiguration c = RisConfiguration.of(
                new RisAction(new boolean[] {true, true, true}, new int[] {1, 2, 3}), 2);
        assertThat(c.re()).containsExactly(new double[] {0.0, -1.0, 0.0}, within(1e-15));
        assertThat(c.im()).containsExactly(new double[] {1.0, 0.0, -1.0}, within(1e-15));
        assertThat(RisConfiguration.phaseRad(3, 2)).isCloseTo(1.5 * Math.PI, within(1e-15));
    }

    @Test
    void anOffElementReflectsNothingWhateverItsPhase() {
        RisAction action = new RisAction(new boolean[] {false, true, false}, new int[] {3, 0, 1});
        RisConfiguration c = RisConfiguration.of(action, 2);
        assertThat(c.re()).containsExactly(0.0, 1.0, 0.0);
        assertThat(c.im()).containsExactly(0.0, 0.0, 0.0);
        assertThat(RisConfiguration.onElements(action)).isEqualTo(1);
    }

    @Test
    void refusesAPhaseLevelOutOfRange() {
        assertThatThrownBy(() -> RisConfiguration.of(new RisAction(new boolean[] {true}, new int[] {2}), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phase level 2");
    }
}
