package io.thz.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fields of a manifest that the Kubernetes API does not define. fabric8's model keeps a field it
 * does not know in {@code additionalProperties} instead of failing, and kustomize passes any
 * field through; the API server would reject such a manifest, or (with client-side apply)
 * silently drop a misspelt probe or limit. With no cluster here to validate against, this walk
 * over the typed model is the schema check.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    /** Paths (kind/name.field.field...) of every field the model did not recognise. */
    static List<String> in(Object resource, String root) {
        List<String> found = new ArrayList<>();
        walk(resource, root, found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", found));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith(MODEL_PACKAGE)
                || value instanceof Quantity || value instanceof IntOrString
                || value instanceof GenericKubernetesResource) {
            return; // a leaf, or a kind outside the typed model (its content is all "additional")
        }
        List<Method> getters = new ArrayList<>();
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().startsWith("get") && !Modifier.isStatic(m.getModifiers())
                    && !m.getName().equals("getClass")) {
                getters.add(m);
            }
        }
        getters.sort(Comparator.comparing(Method::getName));
        for (Method getter : getters) {
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a computed property that does not apply to this object
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                walk(child, path + "." + field, found);
            }
        }
    }
}
