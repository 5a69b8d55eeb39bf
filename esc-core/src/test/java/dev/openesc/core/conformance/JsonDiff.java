package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Structural comparison of two JSON trees that reports where they differ, as JSON paths, instead of dumping both
 * documents. Objects compare by key set (order does not matter), arrays element by element, numbers by canonical
 * decimal value ({@link JsonTrees#canonicalNumber}), everything else by type and value.
 */
final class JsonDiff {
    /** One place where the trees differ; a null side means the member is absent there. */
    record Difference(String path, JsonNode expected, JsonNode actual) {
        @Override
        public String toString() {
            return "at " + path + ": expected " + JsonTrees.snippet(expected) + ", got " + JsonTrees.snippet(actual);
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final int limit;
    private final List<Difference> found = new ArrayList<>();
    private final Map<String, Integer> perSection = new TreeMap<>();
    private int total;

    private JsonDiff(int limit) {
        this.limit = limit;
    }

    /** The differences between the trees (empty when equal), at most {@code limit} of them. */
    static List<Difference> differences(JsonNode expected, JsonNode actual, int limit) {
        JsonDiff diff = new JsonDiff(limit);
        diff.compare("$", expected, actual);
        return List.copyOf(diff.found);
    }

    static boolean equal(JsonNode expected, JsonNode actual) {
        return differences(expected, actual, 1).isEmpty();
    }

    /**
     * A readable report of the differences, or null when the trees are equal: a count, then one line per
     * difference (path, expected, actual), cut after {@code limit} lines.
     */
    static String describe(JsonNode expected, JsonNode actual, int limit) {
        JsonDiff diff = new JsonDiff(limit);
        diff.compare("$", expected, actual);
        if (diff.total == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append(diff.total).append(diff.total == 1 ? " difference" : " differences");
        if (diff.total > diff.found.size()) {
            out.append(" (first ").append(diff.found.size()).append(" shown)");
        }
        boolean sectioned = !diff.perSection.keySet().equals(java.util.Set.of("$"));
        if (sectioned && (diff.perSection.size() > 1 || diff.total > diff.found.size())) {
            final int sectionsShown = 8;
            out.append(", by section: ");
            diff.perSection.entrySet().stream().limit(sectionsShown)
                    .forEach(e -> out.append(e.getKey()).append(' ').append(e.getValue()).append("; "));
            out.setLength(out.length() - 2);
            if (diff.perSection.size() > sectionsShown) {
                out.append("; ...");
            }
        }
        out.append(':');
        for (Difference d : diff.found) {
            out.append("\n    ").append(d);
        }
        return out.toString();
    }

    private void record(String path, JsonNode expected, JsonNode actual) {
        total++;
        perSection.merge(section(path), 1, Integer::sum);
        if (found.size() < limit) {
            found.add(new Difference(path, expected, actual));
        }
    }

    private void compare(String path, JsonNode expected, JsonNode actual) {
        if (isAbsent(expected) || isAbsent(actual)) {
            if (!(isAbsent(expected) && isAbsent(actual))) {
                record(path, absentAsNull(expected), absentAsNull(actual));
            }
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (!JsonTrees.canonicalNumber(expected).equals(JsonTrees.canonicalNumber(actual))) {
                record(path, expected, actual);
            }
        } else if (expected.isObject() && actual.isObject()) {
            compareObjects(path, expected, actual);
        } else if (expected.isArray() && actual.isArray()) {
            compareArrays(path, expected, actual);
        } else if (expected.getNodeType() != actual.getNodeType() || !expected.equals(actual)) {
            record(path, expected, actual);
        }
    }

    private void compareObjects(String path, JsonNode expected, JsonNode actual) {
        TreeSet<String> keys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        actual.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            String child = path + member(key);
            JsonNode e = expected.get(key);
            JsonNode a = actual.get(key);
            if (e == null || a == null) {
                record(child, e, a);
            } else {
                compare(child, e, a);
            }
        }
    }

    private void compareArrays(String path, JsonNode expected, JsonNode actual) {
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            compare(path + "[" + i + "]", expected.get(i), actual.get(i));
        }
        for (int i = common; i < expected.size(); i++) {
            record(path + "[" + i + "]", expected.get(i), null);
        }
        for (int i = common; i < actual.size(); i++) {
            record(path + "[" + i + "]", null, actual.get(i));
        }
    }

    /** The top-level member of a path ({@code $.exprs} for {@code $.exprs.a[0]}); {@code $} at the root or in an array. */
    static String section(String path) {
        if (path.length() <= 1 || (path.startsWith("$[") && Character.isDigit(path.charAt(2)))) {
            return "$";
        }
        int end = path.length();
        if (path.startsWith("$[\"")) {
            // a quoted key may itself contain "]: find the closing quote that is not escaped
            for (int i = 3; i < path.length(); i++) {
                if (path.charAt(i) == '\\') {
                    i++;
                } else if (path.charAt(i) == '"') {
                    end = i + 2;
                    break;
                }
            }
        } else {
            for (int i = 2; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '.' || c == '[') {
                    end = i;
                    break;
                }
            }
        }
        return path.substring(0, Math.min(end, path.length()));
    }

    /** How a member appears in a path: {@code .name} when plain, else {@code ["any \"key\""]}. */
    static String member(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + JsonTrees.quote(key) + "]";
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode();
    }

    private static JsonNode absentAsNull(JsonNode node) {
        return isAbsent(node) ? null : node;
    }
}
