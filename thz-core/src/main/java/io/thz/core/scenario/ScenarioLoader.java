package io.thz.core.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenarios: the bundled defaults ({@code scenarios/default.yaml}, the one place where
 * every default lives) with any number of layers merged over them, in order: bundled named
 * scenarios, YAML or JSON files, single {@code key.path=value} overrides.
 *
 * <p>Merging: a mapping merges key by key into the same mapping below it; any other value
 * (number, string, list) replaces it. A key that the defaults do not have is refused, naming it
 * and the keys that are known there; so is null for a key whose default is not null. The merged
 * tree is then bound strictly (no float for an int, no string for a number, no duplicate keys,
 * no NaN or infinity) and validated ({@link ScenarioValidator}).
 *
 * <pre>{@code
 * Scenario s = ScenarioLoader.builder().bundled("small").file(Path.of("my.yaml"))
 *         .set("network.antennas", "32").build();
 * }</pre>
 */
public final class ScenarioLoader {

    /** Named scenarios bundled under {@code scenarios/}, each a layer over the defaults. */
    public static final List<String> BUNDLED = List.of("default", "small", "fig4", "fig5", "fig7");

    private static final String RESOURCE_DIR = "/scenarios/";
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();
    private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();

    private static final class Defaults {
        static final ObjectNode TREE = readDefaults();
        static final Set<String> NULLABLE = nullablePaths(TREE);
    }

    private ScenarioLoader() {
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B b) {
        return b.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    /** The default scenario: {@code scenarios/default.yaml} alone. */
    public static Scenario defaults() {
        return builder().build();
    }

    /** A bundled named scenario (see {@link #BUNDLED}) over the defaults. */
    public static Scenario bundled(String name) {
        return builder().bundled(name).build();
    }

    /** A scenario file (YAML, or JSON when the name ends in .json) over the defaults. */
    public static Scenario load(Path file) {
        return builder().file(file).build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Layers merged over the defaults, in call order. */
    public static final class Builder {

        private final ObjectNode tree = Defaults.TREE.deepCopy();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /** Merges a bundled named scenario. */
        public Builder bundled(String name) {
            if (!BUNDLED.contains(name)) {
                problems.add("unknown bundled scenario '" + name + "' (known: " + String.join(", ", BUNDLED) + ")");
                return this;
            }
            return merge(YAML, resourceText(RESOURCE_DIR + name + ".yaml"), "scenarios/" + name + ".yaml");
        }

        /** Merges a YAML file, or a JSON file when its name ends in .json. */
        public Builder file(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(file + ": cannot read (" + e.getMessage() + ")");
                return this;
            }
            boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
            return merge(json ? JSON : YAML, text, file.toString());
        }

        /** Merges YAML text; {@code source} names it in messages. */
        public Builder yaml(String text, String source) {
            return merge(YAML, text, source);
        }

        /** Merges JSON text; {@code source} names it in messages. */
        public Builder json(String text, String source) {
            return merge(JSON, text, source);
        }

        /**
         * Sets one key, e.g. {@code set("network.antennas", "32")}; the value is read as YAML
         * ({@code null}, numbers, {@code [{x: 1, y: 2, z: 3}]}).
         */
        public Builder set(String dottedPath, String yamlValue) {
            String source = "override " + dottedPath + "=" + yamlValue;
            JsonNode value;
            try {
                value = YAML.readTree(yamlValue);
            } catch (JacksonException e) {
                problems.add(source + ": cannot parse the value (" + firstLine(e.getOriginalMessage()) + ")");
                return this;
            }
            if (value == null || value.isMissingNode()) {
                value = JsonNodeFactory.instance.nullNode();
            }
            String[] keys = dottedPath.split("\\.", -1);
            ObjectNode overlay = JsonNodeFactory.instance.objectNode();
            ObjectNode at = overlay;
            for (int i = 0; i < keys.length - 1; i++) {
                at = at.putObject(keys[i]);
            }
            at.set(keys[keys.length - 1], value);
            mergeInto(tree, overlay, "", source, problems);
            return this;
        }

        /**
         * Binds and validates the merged layers.
         *
         * @throws ScenarioException naming every unknown key, bad value and broken rule
         */
        public Scenario build() {
            List<String> all = new ArrayList<>(problems);
            nonFinite(tree, "", all);
            Scenario scenario;
            try {
                scenario = YAML.treeToValue(tree, Scenario.class);
            } catch (JsonMappingException e) {
                all.add(bindingProblem(e, tree));
                throw new ScenarioException(all);
            } catch (JacksonException e) {
                all.add(firstLine(e.getOriginalMessage()));
                throw new ScenarioException(all);
            }
            // unknown keys were left out of the tree: validate the rest so that one run names every problem
            all.addAll(ScenarioValidator.problems(scenario));
            if (!all.isEmpty()) {
                throw new ScenarioException(all);
            }
            return scenario;
        }

        /** The merged tree so far (a copy), for tools that print the effective scenario. */
        public ObjectNode tree() {
            return tree.deepCopy();
        }

        private Builder merge(ObjectMapper mapper, String text, String source) {
            JsonNode overlay;
            try {
                overlay = mapper.readTree(text);
            } catch (JacksonException e) {
                JsonLocation at = e.getLocation();
                problems.add(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                        + ": cannot parse (" + firstLine(e.getOriginalMessage()) + ")");
                return this;
            }
            if (overlay == null || overlay.isMissingNode() || overlay.isNull()) {
                return this; // an empty file changes nothing
            }
            if (!overlay.isObject()) {
                problems.add(source + ": the top level must be a mapping of keys, not " + overlay.getNodeType());
                return this;
            }
            mergeInto(tree, overlay, "", source, problems);
            return this;
        }
    }

    private static void mergeInto(ObjectNode base, JsonNode overlay, String path, String source, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            JsonNode value = field.getValue();
            JsonNode current = base.get(key);
            if (current == null) {
                List<String> known = new ArrayList<>();
                base.fieldNames().forEachRemaining(known::add);
                problems.add("unknown key " + keyPath + " in " + source + " (known keys"
                        + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", known) + ")");
            } else if (current.isObject()) {
                if (value.isObject()) {
                    mergeInto((ObjectNode) current, value, keyPath, source, problems);
                } else {
                    List<String> known = new ArrayList<>();
                    current.fieldNames().forEachRemaining(known::add);
                    problems.add(keyPath + " in " + source + " must be a mapping with keys " + String.join(", ", known)
                            + ", not " + value.getNodeType());
                }
            } else if (value.isNull() && !Defaults.NULLABLE.contains(keyPath)) {
                problems.add(keyPath + " in " + source + " is null; it needs a value (default "
                        + Defaults.TREE.at("/" + keyPath.replace('.', '/')) + ")");
            } else {
                base.set(key, value.deepCopy());
            }
        }
    }

    private static void nonFinite(JsonNode node, String path, List<String> problems) {
        if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            problems.add(path + "=" + node.doubleValue() + " must be a finite number");
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> nonFinite(f.getValue(), path.isEmpty() ? f.getKey()
                    : path + "." + f.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nonFinite(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static String bindingProblem(JsonMappingException e, JsonNode tree) {
        StringBuilder path = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
                pointer.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
                pointer.append('/').append(ref.getIndex());
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key " + path + " (known keys: " + u.getKnownPropertyIds() + ")";
        }
        JsonNode value = tree.at(pointer.toString());
        String shown = value.isMissingNode() ? "" : "=" + value;
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> target = m.getTargetType();
            String expected;
            if (target.isEnum()) {
                expected = "one of " + Arrays.toString(target.getEnumConstants());
            } else if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
                expected = "an integer";
            } else if (target == double.class || target == Double.class) {
                expected = "a number";
            } else if (java.util.List.class.isAssignableFrom(target)) {
                expected = "a list (or null)";
            } else {
                expected = "a mapping of " + target.getSimpleName();
            }
            return path + shown + " must be " + expected;
        }
        return path + shown + ": " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static ObjectNode readDefaults() {
        try {
            JsonNode tree = YAML.readTree(resourceText(RESOURCE_DIR + "default.yaml"));
            return (ObjectNode) tree;
        } catch (JacksonException e) {
            throw new IllegalStateException("bundled scenarios/default.yaml is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static Set<String> nullablePaths(JsonNode tree) {
        Set<String> paths = new HashSet<>();
        collectNulls(tree, "", paths);
        return Set.copyOf(paths);
    }

    private static void collectNulls(JsonNode node, String path, Set<String> paths) {
        node.fields().forEachRemaining(f -> {
            String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (f.getValue().isNull()) {
                paths.add(p);
            } else if (f.getValue().isObject()) {
                collectNulls(f.getValue(), p, paths);
            }
        });
    }

    private static String resourceText(String resource) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
