package io.thz.learner.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnerConfigLoaderTest {

    @Test
    void defaultsAreTableTwo() {
        LearnerConfig c = LearnerConfigLoader.defaults();
        assertThat(c.network().layers()).isEqualTo(2);
        assertThat(c.network().embedding()).isEqualTo(32);
        assertThat(c.network().mlpHidden()).isEqualTo(48);
        assertThat(c.network().hidden()).isEqualTo(48);
        assertThat(c.network().gru()).isEqualTo(64);
        assertThat(c.training().learningRate()).isEqualTo(5e-4);
    }

    @Test
    void everyDefaultKeyHasAComment() throws Exception {
        String yaml = new String(LearnerConfigLoader.class.getResourceAsStream(LearnerConfigLoader.DEFAULTS).readAllBytes());
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  ") && line.contains(":")) {
                assertThat(line).as("comment on: " + line).contains("#");
            }
        }
    }

    @Test
    void fileAndOverridesLayerOnTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "training:\n  nStep: 3\n  gamma: 0.9\n");
        LearnerConfig c = LearnerConfigLoader.load(file, Map.of("training.gamma", "0.8"));
        assertThat(c.training().nStep()).isEqualTo(3);
        assertThat(c.training().gamma()).isEqualTo(0.8);
        assertThat(c.network().gru()).isEqualTo(64);
    }

    @Test
    void unknownKeysAndBadValuesAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "training:\n  nSteps: 3\n");
        assertThatThrownBy(() -> LearnerConfigLoader.load(file, Map.of()))
                .hasMessageContaining("unknown key 'training.nSteps'");
        assertThatThrownBy(() -> LearnerConfigLoader.load(null, Map.of("training.gamma", "1.5")))
                .hasMessageContaining("training.gamma=1.5");
        assertThatThrownBy(() -> LearnerConfigLoader.load(null, Map.of("network.layers", "0")))
                .hasMessageContaining("network.layers=0");
        assertThatThrownBy(() -> LearnerConfigLoader.load(null, Map.of("network.gru", "many")))
                .hasMessageContaining("learner config");
    }
}
