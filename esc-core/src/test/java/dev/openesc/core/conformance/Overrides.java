package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case's overrides.json: how the run differs from the default. An unknown key is an error, so a corpus update
 * that adds a setting cannot be silently ignored.
 *
 * @param showSecrets   check mode reveals ciphertext secrets
 * @param rootEnvironment the environment name to use instead of the case folder's name (null: the folder's)
 * @param rotate        also run a rotation and compare the rotate* keys
 * @param rotatePaths   the paths to rotate (empty: all rotators)
 */
record Overrides(boolean showSecrets, String rootEnvironment, boolean rotate, List<String> rotatePaths) {
    static final Overrides NONE = new Overrides(false, null, false, List.of());

    private static final Set<String> KEYS = Set.of("showSecrets", "rootEnvironment", "rotate", "rotatePaths");

    Overrides {
        rotatePaths = List.copyOf(rotatePaths);
    }

    static Overrides parse(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("overrides.json must hold an object");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown key in overrides.json: " + name);
            }
        });
        List<String> paths = new ArrayList<>();
        JsonNode pathsJson = json.path("rotatePaths");
        if (!pathsJson.isMissingNode() && !pathsJson.isArray()) {
            throw new IllegalArgumentException("rotatePaths must be an array of strings");
        }
        pathsJson.forEach(p -> paths.add(requireText(p, "rotatePaths")));
        JsonNode root = json.get("rootEnvironment");
        return new Overrides(
                requireBoolean(json.get("showSecrets"), "showSecrets"),
                root == null || root.isNull() ? null : requireText(root, "rootEnvironment"),
                requireBoolean(json.get("rotate"), "rotate"),
                paths);
    }

    private static boolean requireBoolean(JsonNode node, String key) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(key + " must be a boolean");
        }
        return node.booleanValue();
    }

    private static String requireText(JsonNode node, String key) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(key + " must hold strings");
        }
        return node.textValue();
    }
}
