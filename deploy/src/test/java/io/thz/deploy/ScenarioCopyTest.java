package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scenario of the Kubernetes ConfigMap is a copy of thz-core's default scenario (kustomize
 * reads files only inside its own tree, hence a copy): the two must not drift apart.
 */
class ScenarioCopyTest {

    static final String CORE_DEFAULT_RESOURCE = "scenarios/default.yaml";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static Path copy() {
        return RepoPaths.k8s().resolve("base/scenario.yaml");
    }

    @Test
    void theDeployedScenarioIsAYamlMapping() {
        JsonNode scenario = YAML.readTree(copy().toFile());
        assertThat(scenario.isObject()).as(copy() + " is a mapping").isTrue();
        assertThat(scenario.size()).isPositive();
    }

    @Test
    void theServicesLoaderAcceptsTheDeployedScenarioAsTheDefaults() {
        // what a service does at start-up with THZ_MODEL_SCENARIO_FILE: an invalid file would refuse it
        Scenario deployed = ScenarioLoader.load(copy());
        assertThat(deployed).isEqualTo(ScenarioLoader.defaults());
    }

    @Test
    void theDeployedScenarioEqualsThzCoresDefault() {
        Path core = RepoPaths.root().resolve("thz-core/src/main/resources").resolve(CORE_DEFAULT_RESOURCE);
        assumeTrue(Files.exists(core), "thz-core has no " + CORE_DEFAULT_RESOURCE + " yet: nothing to compare");
        // compared as YAML trees, so comments (the copy says where it comes from) do not count
        assertThat(YAML.readTree(copy().toFile()))
                .as("deploy/k8s/base/scenario.yaml differs from %s: copy it over", core)
                .isEqualTo(YAML.readTree(core.toFile()));
    }
}
