package dev.openesc.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON values as schemas hold them in {@code const}, {@code enum}, {@code default} and {@code examples}:
 * {@code null}, {@link Boolean}, {@link String}, {@link JsonNumber}, {@code List<Object>} and
 * {@code Map<String, Object>} (insertion ordered). Lists and maps are unmodifiable and may contain {@code null}.
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Orders keys the way Go's sort.Strings does: by UTF-8 bytes, which is code point order. */
    public static final Comparator<String> KEY_ORDER = JsonValues::compareCodePoints;

    private JsonValues() {}

    /**
     * Copies a value into the canonical immutable shape. Other Java numbers become {@link JsonNumber}s; anything
     * that is not JSON fails.
     */
    public static Object normalize(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof JsonNumber) {
            return value;
        }
        if (value instanceof Number n) {
            return JsonNumber.of(n);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(normalize(element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                copy.put(key, normalize(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof JsonNode node) {
            return fromJsonNode(node);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** Converts to a Jackson tree. Object keys are written in sorted order, as Go's encoder does for maps. */
    public static JsonNode toJsonNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof JsonNumber n) {
            return numberNode(n);
        }
        if (value instanceof Number n) {
            return numberNode(JsonNumber.of(n));
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            for (Object element : list) {
                array.add(toJsonNode(element));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) {
                keys.add((String) k);
            }
            keys.sort(KEY_ORDER);
            for (String k : keys) {
                object.set(k, toJsonNode(map.get(k)));
            }
            return object;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /**
     * The Jackson node for a number: int, long or big integer nodes for integral text (as Jackson itself parses
     * them), an exact decimal node otherwise.
     */
    public static JsonNode numberNode(JsonNumber n) {
        if (n.isIntegerText()) {
            BigInteger big = new BigInteger(n.text());
            if (big.bitLength() < 32) {
                return NODES.numberNode(big.intValue());
            }
            if (big.bitLength() < 64) {
                return NODES.numberNode(big.longValue());
            }
            return NODES.numberNode(big);
        }
        return NODES.numberNode(new BigDecimal(n.text()));
    }

    /** Converts a Jackson tree to a plain value. Number text comes from the node's own rendering. */
    public static Object fromJsonNode(JsonNode node) {
        switch (node.getNodeType()) {
            case NULL, MISSING:
                return null;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return node.textValue();
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return JsonNumber.of(node.bigIntegerValue());
                }
                return JsonNumber.of(node.decimalValue());
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(fromJsonNode(element));
                }
                return Collections.unmodifiableList(list);
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    map.put(e.getKey(), fromJsonNode(e.getValue()));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
