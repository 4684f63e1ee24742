package io.thz.learner.modules;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stable parameter names: DJL joins child names with "_" and prefixes each child with its two-digit
 * position ("01gnn_010_01edge.apAp_01fc0_weight"); this reads that as "gnn.0.edge.apAp.fc0.weight",
 * the tensor names of the weight blob and of checkpoints.
 */
public final class ParameterNames {

    private ParameterNames() {
    }

    /** Every parameter of {@code block} by stable name, each prefixed with {@code prefix}. */
    public static Map<String, Parameter> of(Block block, String prefix) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            String[] parts = p.getKey().split("_");
            StringBuilder name = new StringBuilder(prefix);
            for (int i = 0; i < parts.length; i++) {
                String part = i < parts.length - 1 ? stripPosition(parts[i]) : parts[i];
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(part);
            }
            if (named.put(name.toString(), p.getValue()) != null) {
                throw new IllegalStateException("two parameters named " + name);
            }
        }
        return named;
    }

    private static String stripPosition(String child) {
        if (child.length() < 3 || !Character.isDigit(child.charAt(0)) || !Character.isDigit(child.charAt(1))) {
            throw new IllegalStateException("unexpected DJL child name '" + child + "'");
        }
        return child.substring(2);
    }
}
