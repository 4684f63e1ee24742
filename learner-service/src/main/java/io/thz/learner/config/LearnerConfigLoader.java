package io.thz.learner.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the learner configuration: the bundled defaults, overlaid by an optional user file, then
 * by {@code key=value} overrides (dotted paths, e.g. {@code training.nStep=3}); unknown keys fail
 * and every violated constraint is reported with its path.
 */
public final class LearnerConfigLoader {

    /** The bundled defaults, with a comment per key. */
    public static final String DEFAULTS = "/learner-defaults.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private LearnerConfigLoader() {
    }

    /** The bundled defaults. */
    public static LearnerConfig defaults() {
        return load(null, Map.of());
    }

    /**
     * @param file      optional YAML file overlaying the defaults (null: none)
     * @param overrides dotted-path overrides applied last
     * @return the validated configuration
     * @throws IllegalArgumentException naming the offending key
     */
    public static LearnerConfig load(Path file, Map<String, String> overrides) {
        try (InputStream in = LearnerConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " missing from the classpath");
            }
            ObjectNode tree = (ObjectNode) YAML.readTree(in);
            if (file != null) {
                JsonNode user = YAML.readTree(Files.readAllBytes(file));
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new IllegalArgumentException(file + ": expected a mapping at the top level");
                    }
                    merge(tree, (ObjectNode) user, "");
                }
            }
            for (Map.Entry<String, String> entry : overrides.entrySet()) {
                set(tree, entry.getKey(), entry.getValue());
            }
            LearnerConfig config;
            try {
                config = YAML.treeToValue(tree, LearnerConfig.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("learner config: " + e.getOriginalMessage().split("\n")[0]
                        + pathOf(e), e);
            }
            validate(config);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws naming every violated constraint by path, sorted. */
    public static void validate(LearnerConfig config) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<LearnerConfig>> violations = validator.validate(config);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("learner config: " + violations.stream()
                        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .map(v -> v.getPropertyPath() + "=" + v.getInvalidValue() + " " + v.getMessage())
                        .collect(Collectors.joining("; ")));
            }
        }
    }

    private static String pathOf(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return " (at " + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining(".")) + ")";
        }
        return "";
    }

    private static void merge(ObjectNode base, ObjectNode overlay, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String path = prefix + f.getKey();
            JsonNode existing = base.get(f.getKey());
            if (existing == null) {
                throw new IllegalArgumentException("learner config: unknown key '" + path + "'");
            }
            if (existing.isObject()) {
                if (!f.getValue().isObject()) {
                    throw new IllegalArgumentException("learner config: '" + path + "' must be a mapping");
                }
                merge((ObjectNode) existing, (ObjectNode) f.getValue(), path + ".");
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                throw new IllegalArgumentException("learner config: unknown key '" + dotted + "'");
            }
            node = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        if (!node.has(leaf) || node.get(leaf).isObject()) {
            throw new IllegalArgumentException("learner config: unknown key '" + dotted + "'");
        }
        try {
            node.set(leaf, YAML.readTree(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("learner config: value of '" + dotted + "' is not YAML: " + value);
        }
    }
}
