package io.thz.learner.modules;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.thz.learner.Fixtures;
import io.thz.learner.modules.mixers.Mixers;
import io.thz.learner.modules.mixers.QmixMixer;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shape and monotonicity (46) of the QMIX-style mixer. */
class QmixMixerTest {

    private static final int AGENTS = 5;
    private static final int STATE = 7;
    private static final int SAMPLES = 64;

    @Test
    void outputIsNonDecreasingInEveryLocalValue() {
        SplittableRandom rng = new SplittableRandom(9);
        try (Model model = Model.newInstance("mixer")) {
            QmixMixer mixer = (QmixMixer) Mixers.get("qmix").create(AGENTS, STATE, 8);
            mixer.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
            ParameterInit.reset(ParameterNames.of(mixer, "mixer"), 17);
            try (NDManager step = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(step, false);
                NDArray state = step.create(scaled(Fixtures.random(SAMPLES * STATE, rng), 3f), new Shape(SAMPLES, STATE));
                NDArray values = step.create(scaled(Fixtures.random(SAMPLES * AGENTS, rng), 5f), new Shape(SAMPLES, AGENTS));
                values.setRequiresGradient(true);
                float[] gradient;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray total = mixer.mix(store, values, state, true);
                    assertThat(total.getShape()).isEqualTo(new Shape(SAMPLES));
                    collector.backward(total.sum());
                    gradient = values.getGradient().toFloatArray();
                }
                // dV_tot / dV_i >= 0 for every sample and agent, and not all zero
                double largest = 0;
                for (float g : gradient) {
                    assertThat(g).isGreaterThanOrEqualTo(0f);
                    largest = Math.max(largest, g);
                }
                assertThat(largest).isGreaterThan(1e-4);
                // finite steps: raising one local value never lowers V_tot
                float[] base = mixer.mix(store, values.stopGradient(), state, false).toFloatArray();
                for (int agent = 0; agent < AGENTS; agent++) {
                    float[] raised = values.stopGradient().toFloatArray();
                    for (int s = 0; s < SAMPLES; s++) {
                        raised[s * AGENTS + agent] += 2f;
                    }
                    float[] up = mixer.mix(store, step.create(raised, new Shape(SAMPLES, AGENTS)), state, false)
                            .toFloatArray();
                    for (int s = 0; s < SAMPLES; s++) {
                        assertThat(up[s]).as("sample %d agent %d", s, agent).isGreaterThanOrEqualTo(base[s] - 1e-6f);
                    }
                }
            }
        }
    }

    @Test
    void unknownMixerListsValidNames() {
        assertThatThrownBy(() -> Mixers.get("vdn")).hasMessageContaining("unknown mixer 'vdn'").hasMessageContaining("qmix");
    }

    private static float[] scaled(float[] x, float factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
        return x;
    }
}
