package dev.openesc.core.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams a schema's JSON form to a generator, token for token what {@link SchemaJson#toJsonNode} builds as a
 * tree (same keyword order, same omissions, same number nodes). An opened environment carries a schema per value;
 * building a tree for each only to walk it again was a tenth of the cost of encoding it.
 */
final class SchemaWriter {
    /* Written for every value's schema of an opened environment: encoded once. */
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString CONST = new SerializedString("const");
    private static final SerializedString PROPERTIES = new SerializedString("properties");

    private SchemaWriter() {}

    static void write(JsonGenerator g, Schema s) throws IOException {
        if (s.isNever() || s.isAlways()) {
            g.writeBoolean(s.isAlways());
            return;
        }
        g.writeStartObject();
        if (!s.defs().isEmpty()) {
            g.writeFieldName("$defs");
            schemaMap(g, s.defs());
        }
        string(g, "$ref", s.ref());
        schemas(g, "anyOf", s.anyOf());
        schemas(g, "oneOf", s.oneOf());
        schemas(g, "prefixItems", s.prefixItems());
        if (s.items() != null) {
            g.writeFieldName("items");
            write(g, s.items());
        }
        if (s.additionalProperties() != null) {
            g.writeFieldName("additionalProperties");
            write(g, s.additionalProperties());
        }
        if (!s.properties().isEmpty()) {
            g.writeFieldName(PROPERTIES);
            schemaMap(g, s.properties());
        }
        g.writeFieldName(TYPE);
        g.writeString(s.type());
        if (s.constValue() != null) {
            g.writeFieldName(CONST);
            node(g, JsonValues.toJsonNode(s.constValue()));
        }
        values(g, "enum", s.enumValues());
        number(g, "multipleOf", s.multipleOf());
        number(g, "maximum", s.maximum());
        number(g, "exclusiveMaximum", s.exclusiveMaximum());
        number(g, "minimum", s.minimum());
        number(g, "exclusiveMinimum", s.exclusiveMinimum());
        number(g, "maxLength", s.maxLength());
        number(g, "minLength", s.minLength());
        string(g, "pattern", s.pattern());
        number(g, "maxItems", s.maxItems());
        number(g, "minItems", s.minItems());
        if (s.uniqueItems()) {
            g.writeBooleanField("uniqueItems", true);
        }
        number(g, "maxProperties", s.maxProperties());
        number(g, "minProperties", s.minProperties());
        strings(g, "required", s.required());
        if (!s.dependentRequired().isEmpty()) {
            g.writeFieldName("dependentRequired");
            g.writeStartObject();
            for (String k : SchemaJson.sortedKeys(s.dependentRequired())) {
                g.writeFieldName(k);
                g.writeStartArray();
                for (String name : s.dependentRequired().get(k)) {
                    g.writeString(name);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        string(g, "title", s.title());
        string(g, "description", s.description());
        if (s.defaultValue() != null) {
            g.writeFieldName("default");
            node(g, JsonValues.toJsonNode(s.defaultValue()));
        }
        if (s.deprecated()) {
            g.writeBooleanField("deprecated", true);
        }
        values(g, "examples", s.examples());
        if (s.secret()) {
            g.writeBooleanField("secret", true);
        }
        strings(g, "rotateOnly", s.rotateOnly());
        g.writeEndObject();
    }

    private static void schemaMap(JsonGenerator g, Map<String, Schema> map) throws IOException {
        g.writeStartObject();
        for (String k : SchemaJson.sortedKeys(map)) {
            g.writeFieldName(k);
            write(g, map.get(k));
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String key, String value) throws IOException {
        if (!value.isEmpty()) {
            g.writeStringField(key, value);
        }
    }

    private static void number(JsonGenerator g, String key, JsonNumber value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            node(g, JsonValues.numberNode(value));
        }
    }

    private static void schemas(JsonGenerator g, String key, List<Schema> schemas) throws IOException {
        if (!schemas.isEmpty()) {
            g.writeFieldName(key);
            g.writeStartArray();
            for (Schema s : schemas) {
                write(g, s);
            }
            g.writeEndArray();
        }
    }

    private static void values(JsonGenerator g, String key, List<Object> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeFieldName(key);
            node(g, JsonValues.toJsonNode(values));
        }
    }

    private static void strings(JsonGenerator g, String key, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeFieldName(key);
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /**
     * Writes a plain JSON tree (a value inside a schema). Walked here rather than handed to {@code writeTree},
     * which needs an ObjectMapper behind the generator (500 classes at start-up).
     */
    static void node(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    node(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n) {
                    node(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NUMBER -> {
                if (n.isIntegralNumber()) {
                    g.writeNumber(n.bigIntegerValue());
                } else if (n.isBigDecimal()) {
                    g.writeNumber(n.decimalValue());
                } else {
                    g.writeNumber(n.doubleValue());
                }
            }
            case NULL, MISSING -> g.writeNull();
            default -> throw new IOException("a schema holds a " + n.getNodeType() + " node");
        }
    }
}
