package dev.openesc.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds schemas from plain JSON values (see {@link JsonValues}). Follows the reference's decoder: booleans are
 * always/never, unknown keywords are ignored, keyword names match case-insensitively when there is no exact match,
 * JSON null leaves a keyword absent, and numeric keywords also accept a string holding a valid number.
 */
final class SchemaDecoder {
    private static final List<String> KEYWORDS = List.of(
            "$defs", "$ref", "anyOf", "oneOf", "prefixItems", "items", "additionalProperties", "properties",
            "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
            "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties",
            "minProperties", "required", "dependentRequired", "title", "description", "default", "deprecated",
            "examples", "secret", "rotateOnly");
    private static final Map<String, String> BY_LOWER_CASE = new LinkedHashMap<>();

    static {
        for (String k : KEYWORDS) {
            BY_LOWER_CASE.put(k.toLowerCase(Locale.ROOT), k);
        }
    }

    private SchemaDecoder() {}

    /** A document's root: as in the reference, a top-level {@code null} reads as the never schema. */
    static Schema decodeRoot(Object value) {
        if (value == null) {
            return Schema.never();
        }
        return decode(value, "");
    }

    static Schema decode(Object value, String path) {
        if (value instanceof Boolean b) {
            return b ? Schema.always() : Schema.never();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw error(path, "expected a schema (an object or a boolean), got " + kind(value));
        }
        Map<String, Object> fields = keywordFields(raw);
        SchemaBuilder b = Schema.untyped();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            String k = e.getKey();
            String at = path + "/" + k;
            switch (k) {
                case "$defs" -> b.defs(schemaMap(v, at));
                case "$ref" -> b.ref(string(v, at));
                case "anyOf" -> b.anyOf(schemaList(v, at));
                case "oneOf" -> b.oneOf(schemaList(v, at));
                case "prefixItems" -> b.prefixItems(schemaList(v, at));
                case "items" -> b.items(decode(v, at));
                case "additionalProperties" -> b.additionalProperties(decode(v, at));
                case "properties" -> b.properties(schemaMap(v, at));
                case "type" -> b.type(string(v, at));
                case "const" -> b.constValue(v);
                case "enum" -> b.enumValues(list(v, at));
                case "multipleOf" -> b.multipleOf(number(v, at));
                case "maximum" -> b.maximum(number(v, at));
                case "exclusiveMaximum" -> b.exclusiveMaximum(number(v, at));
                case "minimum" -> b.minimum(number(v, at));
                case "exclusiveMinimum" -> b.exclusiveMinimum(number(v, at));
                case "maxLength" -> b.maxLength(number(v, at));
                case "minLength" -> b.minLength(number(v, at));
                case "pattern" -> b.pattern(string(v, at));
                case "maxItems" -> b.maxItems(number(v, at));
                case "minItems" -> b.minItems(number(v, at));
                case "uniqueItems" -> b.uniqueItems(bool(v, at));
                case "maxProperties" -> b.maxProperties(number(v, at));
                case "minProperties" -> b.minProperties(number(v, at));
                case "required" -> b.required(strings(v, at));
                case "dependentRequired" -> b.dependentRequired(dependentRequired(v, at));
                case "title" -> b.title(string(v, at));
                case "description" -> b.description(string(v, at));
                case "default" -> b.defaultValue(v);
                case "deprecated" -> b.deprecated(bool(v, at));
                case "examples" -> b.examples(list(v, at));
                case "secret" -> b.secret(bool(v, at));
                case "rotateOnly" -> b.rotateOnly(strings(v, at));
                default -> throw new IllegalStateException("unhandled keyword " + k);
            }
        }
        return b.build();
    }

    /**
     * Maps the object's keys onto keywords: an exact match wins over a case-insensitive one, and for several
     * spellings of one keyword the last in the document wins; other keys are ignored.
     */
    private static Map<String, Object> keywordFields(Map<?, ?> raw) {
        Map<String, Object> exact = new LinkedHashMap<>();
        Map<String, Object> folded = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = (String) e.getKey();
            if (KEYWORDS.contains(key)) {
                exact.put(key, e.getValue());
            } else {
                String keyword = BY_LOWER_CASE.get(key.toLowerCase(Locale.ROOT));
                if (keyword != null) {
                    folded.put(keyword, e.getValue());
                }
            }
        }
        folded.putAll(exact);
        return folded;
    }

    private static Map<String, Schema> schemaMap(Object v, String at) {
        if (!(v instanceof Map<?, ?> raw)) {
            throw error(at, "expected an object of schemas, got " + kind(v));
        }
        Map<String, Schema> map = new LinkedHashMap<>();
        raw.forEach((k, s) -> map.put((String) k, decode(s, at + "/" + k)));
        return map;
    }

    private static List<Schema> schemaList(Object v, String at) {
        List<?> raw = list(v, at);
        List<Schema> schemas = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            schemas.add(decode(raw.get(i), at + "/" + i));
        }
        return schemas;
    }

    private static List<?> list(Object v, String at) {
        if (!(v instanceof List<?> raw)) {
            throw error(at, "expected an array, got " + kind(v));
        }
        return raw;
    }

    private static List<String> strings(Object v, String at) {
        List<?> raw = list(v, at);
        List<String> names = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            names.add(string(raw.get(i), at + "/" + i));
        }
        return names;
    }

    private static Map<String, List<String>> dependentRequired(Object v, String at) {
        if (!(v instanceof Map<?, ?> raw)) {
            throw error(at, "expected an object of string arrays, got " + kind(v));
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        raw.forEach((k, names) -> map.put((String) k, names == null ? List.of() : strings(names, at + "/" + k)));
        return map;
    }

    private static String string(Object v, String at) {
        if (!(v instanceof String s)) {
            throw error(at, "expected a string, got " + kind(v));
        }
        return s;
    }

    private static boolean bool(Object v, String at) {
        if (!(v instanceof Boolean b)) {
            throw error(at, "expected a boolean, got " + kind(v));
        }
        return b;
    }

    private static JsonNumber number(Object v, String at) {
        if (v instanceof JsonNumber n) {
            return n;
        }
        if (v instanceof Number n) {
            return JsonNumber.of(n);
        }
        if (v instanceof String s) {
            try {
                return JsonNumber.of(s);
            } catch (IllegalArgumentException e) {
                throw error(at, "invalid number literal " + quote(s));
            }
        }
        throw error(at, "expected a number, got " + kind(v));
    }

    private static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof JsonNumber || v instanceof Number) {
            return "number";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Map) {
            return "object";
        }
        return v.getClass().getSimpleName();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static SchemaFormatException error(String at, String message) {
        return new SchemaFormatException("invalid schema" + (at.isEmpty() ? "" : " at " + at) + ": " + message);
    }
}
