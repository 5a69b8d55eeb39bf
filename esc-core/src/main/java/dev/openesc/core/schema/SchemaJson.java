package dev.openesc.core.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes schemas as JSON, matching the reference's marshalling: {@code true}/{@code false} for
 * always/never; otherwise an object with the keywords in a fixed order, {@code "type"} always present, every other
 * keyword omitted when empty, map keys sorted.
 */
final class SchemaJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonFactory FACTORY = new JsonFactory();

    private SchemaJson() {}

    // ------------------------------------------------------------------ writing

    static JsonNode toJsonNode(Schema s) {
        if (s.isNever()) {
            return NODES.booleanNode(false);
        }
        if (s.isAlways()) {
            return NODES.booleanNode(true);
        }
        ObjectNode o = NODES.objectNode();
        if (!s.defs().isEmpty()) {
            o.set("$defs", schemaMap(s.defs()));
        }
        putString(o, "$ref", s.ref());
        putSchemas(o, "anyOf", s.anyOf());
        putSchemas(o, "oneOf", s.oneOf());
        putSchemas(o, "prefixItems", s.prefixItems());
        if (s.items() != null) {
            o.set("items", toJsonNode(s.items()));
        }
        if (s.additionalProperties() != null) {
            o.set("additionalProperties", toJsonNode(s.additionalProperties()));
        }
        if (!s.properties().isEmpty()) {
            o.set("properties", schemaMap(s.properties()));
        }
        o.put("type", s.type());
        if (s.constValue() != null) {
            o.set("const", JsonValues.toJsonNode(s.constValue()));
        }
        putValues(o, "enum", s.enumValues());
        putNumber(o, "multipleOf", s.multipleOf());
        putNumber(o, "maximum", s.maximum());
        putNumber(o, "exclusiveMaximum", s.exclusiveMaximum());
        putNumber(o, "minimum", s.minimum());
        putNumber(o, "exclusiveMinimum", s.exclusiveMinimum());
        putNumber(o, "maxLength", s.maxLength());
        putNumber(o, "minLength", s.minLength());
        putString(o, "pattern", s.pattern());
        putNumber(o, "maxItems", s.maxItems());
        putNumber(o, "minItems", s.minItems());
        if (s.uniqueItems()) {
            o.put("uniqueItems", true);
        }
        putNumber(o, "maxProperties", s.maxProperties());
        putNumber(o, "minProperties", s.minProperties());
        putStrings(o, "required", s.required());
        if (!s.dependentRequired().isEmpty()) {
            ObjectNode dr = NODES.objectNode();
            for (String k : sortedKeys(s.dependentRequired())) {
                ArrayNode names = NODES.arrayNode();
                s.dependentRequired().get(k).forEach(names::add);
                dr.set(k, names);
            }
            o.set("dependentRequired", dr);
        }
        putString(o, "title", s.title());
        putString(o, "description", s.description());
        if (s.defaultValue() != null) {
            o.set("default", JsonValues.toJsonNode(s.defaultValue()));
        }
        if (s.deprecated()) {
            o.put("deprecated", true);
        }
        putValues(o, "examples", s.examples());
        if (s.secret()) {
            o.put("secret", true);
        }
        putStrings(o, "rotateOnly", s.rotateOnly());
        return o;
    }

    /** The text of {@link #toJsonNode}, streamed by {@link SchemaWriter} without building the tree. */
    static String toJsonString(Schema s) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = FACTORY.createGenerator(out)) {
            SchemaWriter.write(g, s);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static ObjectNode schemaMap(Map<String, Schema> map) {
        ObjectNode o = NODES.objectNode();
        for (String k : sortedKeys(map)) {
            o.set(k, toJsonNode(map.get(k)));
        }
        return o;
    }

    static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(JsonValues.KEY_ORDER);
        return keys;
    }

    private static void putString(ObjectNode o, String key, String value) {
        if (!value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static void putNumber(ObjectNode o, String key, JsonNumber value) {
        if (value != null) {
            o.set(key, JsonValues.numberNode(value));
        }
    }

    private static void putSchemas(ObjectNode o, String key, List<Schema> schemas) {
        if (!schemas.isEmpty()) {
            ArrayNode a = NODES.arrayNode();
            schemas.forEach(s -> a.add(toJsonNode(s)));
            o.set(key, a);
        }
    }

    private static void putValues(ObjectNode o, String key, List<Object> values) {
        if (!values.isEmpty()) {
            o.set(key, JsonValues.toJsonNode(values));
        }
    }

    private static void putStrings(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = NODES.arrayNode();
            values.forEach(a::add);
            o.set(key, a);
        }
    }

    // ------------------------------------------------------------------ reading

    static Schema parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SchemaFormatException("empty schema document");
            }
            Object value = readValue(p, first);
            if (p.nextToken() != null) {
                throw new SchemaFormatException("unexpected content after the schema");
            }
            return SchemaDecoder.decodeRoot(value);
        } catch (JsonProcessingException e) {
            throw new SchemaFormatException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema fromJsonNode(JsonNode node) {
        return SchemaDecoder.decodeRoot(JsonValues.fromJsonNode(node));
    }

    /** Reads a plain JSON value keeping each number's exact text. */
    static Object readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, readValue(p, p.nextToken()));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(readValue(p, e));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return JsonNumber.of(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new SchemaFormatException("unexpected JSON token " + t);
        }
    }
}
