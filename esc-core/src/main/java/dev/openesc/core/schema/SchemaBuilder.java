package dev.openesc.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable, fluent construction of a {@link Schema}. Start from a typed factory on {@link Schema}
 * ({@code Schema.string()}, {@code Schema.object()}, ...) or {@link Schema#untyped()}. Every keyword of the schema
 * dialect has a setter; setters replace earlier values. Absent numbers are {@code null}, absent strings are empty.
 */
public final class SchemaBuilder implements ToSchema {
    Map<String, Schema> defs = Map.of();
    String ref = "";
    List<Schema> anyOf = List.of();
    List<Schema> oneOf = List.of();
    List<Schema> prefixItems = List.of();
    Schema items;
    Schema additionalProperties;
    Map<String, Schema> properties = Map.of();
    String type = "";
    Object constValue;
    List<Object> enumValues = List.of();
    JsonNumber multipleOf;
    JsonNumber maximum;
    JsonNumber exclusiveMaximum;
    JsonNumber minimum;
    JsonNumber exclusiveMinimum;
    JsonNumber maxLength;
    JsonNumber minLength;
    String pattern = "";
    JsonNumber maxItems;
    JsonNumber minItems;
    boolean uniqueItems;
    JsonNumber maxProperties;
    JsonNumber minProperties;
    List<String> required = List.of();
    Map<String, List<String>> dependentRequired = Map.of();
    String title = "";
    String description = "";
    Object defaultValue;
    boolean deprecated;
    List<Object> examples = List.of();
    boolean secret;
    List<String> rotateOnly = List.of();

    SchemaBuilder(String type) {
        this.type = type;
    }

    /** A builder holding every keyword of an existing (non-boolean) schema, to derive a variant of it. */
    SchemaBuilder(Schema s) {
        defs = s.defs();
        ref = s.ref();
        anyOf = s.anyOf();
        oneOf = s.oneOf();
        prefixItems = s.prefixItems();
        items = s.items();
        additionalProperties = s.additionalProperties();
        properties = s.properties();
        type = s.type();
        constValue = s.constValue();
        enumValues = s.enumValues();
        multipleOf = s.multipleOf();
        maximum = s.maximum();
        exclusiveMaximum = s.exclusiveMaximum();
        minimum = s.minimum();
        exclusiveMinimum = s.exclusiveMinimum();
        maxLength = s.maxLength();
        minLength = s.minLength();
        pattern = s.pattern();
        maxItems = s.maxItems();
        minItems = s.minItems();
        uniqueItems = s.uniqueItems();
        maxProperties = s.maxProperties();
        minProperties = s.minProperties();
        required = s.required();
        dependentRequired = s.dependentRequired();
        title = s.title();
        description = s.description();
        defaultValue = s.defaultValue();
        deprecated = s.deprecated();
        examples = s.examples();
        secret = s.secret();
        rotateOnly = s.rotateOnly();
    }

    // --- core and applicator keywords

    public SchemaBuilder defs(Map<String, ? extends ToSchema> defs) {
        this.defs = schemaMap(defs);
        return this;
    }

    public SchemaBuilder ref(String ref) {
        this.ref = ref == null ? "" : ref;
        return this;
    }

    public SchemaBuilder anyOf(ToSchema... anyOf) {
        return anyOf(Arrays.asList(anyOf));
    }

    public SchemaBuilder anyOf(List<? extends ToSchema> anyOf) {
        this.anyOf = schemaList(anyOf);
        return this;
    }

    public SchemaBuilder oneOf(ToSchema... oneOf) {
        return oneOf(Arrays.asList(oneOf));
    }

    public SchemaBuilder oneOf(List<? extends ToSchema> oneOf) {
        this.oneOf = schemaList(oneOf);
        return this;
    }

    public SchemaBuilder prefixItems(ToSchema... prefixItems) {
        return prefixItems(Arrays.asList(prefixItems));
    }

    public SchemaBuilder prefixItems(List<? extends ToSchema> prefixItems) {
        this.prefixItems = schemaList(prefixItems);
        return this;
    }

    /** The schema of elements past the prefix items; {@code null} means absent. */
    public SchemaBuilder items(ToSchema items) {
        this.items = items == null ? null : items.toSchema();
        return this;
    }

    /** The schema of properties not named in {@code properties}; {@code null} means absent. */
    public SchemaBuilder additionalProperties(ToSchema additionalProperties) {
        this.additionalProperties = additionalProperties == null ? null : additionalProperties.toSchema();
        return this;
    }

    public SchemaBuilder properties(Map<String, ? extends ToSchema> properties) {
        this.properties = schemaMap(properties);
        return this;
    }

    /** Adds (or replaces) one property. */
    public SchemaBuilder property(String name, ToSchema schema) {
        Map<String, Schema> copy = new LinkedHashMap<>(properties);
        copy.put(name, schema.toSchema());
        this.properties = copy;
        return this;
    }

    // --- validation keywords

    /** The JSON type name ("string", "number", "boolean", "null", "array", "object"), or "" for untyped. */
    public SchemaBuilder type(String type) {
        this.type = type == null ? "" : type;
        return this;
    }

    /** A constant: any plain JSON value (see {@link JsonValues}); {@code null} means absent. */
    public SchemaBuilder constValue(Object value) {
        this.constValue = JsonValues.normalize(value);
        return this;
    }

    public SchemaBuilder enumValues(Object... values) {
        return enumValues(Arrays.asList(values));
    }

    public SchemaBuilder enumValues(List<?> values) {
        this.enumValues = valueList(values);
        return this;
    }

    public SchemaBuilder multipleOf(JsonNumber n) {
        this.multipleOf = n;
        return this;
    }

    public SchemaBuilder multipleOf(String n) {
        return multipleOf(number(n));
    }

    public SchemaBuilder maximum(JsonNumber n) {
        this.maximum = n;
        return this;
    }

    public SchemaBuilder maximum(String n) {
        return maximum(number(n));
    }

    public SchemaBuilder exclusiveMaximum(JsonNumber n) {
        this.exclusiveMaximum = n;
        return this;
    }

    public SchemaBuilder exclusiveMaximum(String n) {
        return exclusiveMaximum(number(n));
    }

    public SchemaBuilder minimum(JsonNumber n) {
        this.minimum = n;
        return this;
    }

    public SchemaBuilder minimum(String n) {
        return minimum(number(n));
    }

    public SchemaBuilder exclusiveMinimum(JsonNumber n) {
        this.exclusiveMinimum = n;
        return this;
    }

    public SchemaBuilder exclusiveMinimum(String n) {
        return exclusiveMinimum(number(n));
    }

    public SchemaBuilder maxLength(long n) {
        return maxLength(JsonNumber.of(n));
    }

    public SchemaBuilder maxLength(JsonNumber n) {
        this.maxLength = n;
        return this;
    }

    public SchemaBuilder minLength(long n) {
        return minLength(JsonNumber.of(n));
    }

    public SchemaBuilder minLength(JsonNumber n) {
        this.minLength = n;
        return this;
    }

    /** A regular expression that string values must contain a match of (unanchored, as in the reference). */
    public SchemaBuilder pattern(String pattern) {
        this.pattern = pattern == null ? "" : pattern;
        return this;
    }

    public SchemaBuilder maxItems(long n) {
        return maxItems(JsonNumber.of(n));
    }

    public SchemaBuilder maxItems(JsonNumber n) {
        this.maxItems = n;
        return this;
    }

    public SchemaBuilder minItems(long n) {
        return minItems(JsonNumber.of(n));
    }

    public SchemaBuilder minItems(JsonNumber n) {
        this.minItems = n;
        return this;
    }

    public SchemaBuilder uniqueItems(boolean uniqueItems) {
        this.uniqueItems = uniqueItems;
        return this;
    }

    public SchemaBuilder maxProperties(long n) {
        return maxProperties(JsonNumber.of(n));
    }

    public SchemaBuilder maxProperties(JsonNumber n) {
        this.maxProperties = n;
        return this;
    }

    public SchemaBuilder minProperties(long n) {
        return minProperties(JsonNumber.of(n));
    }

    public SchemaBuilder minProperties(JsonNumber n) {
        this.minProperties = n;
        return this;
    }

    public SchemaBuilder required(String... names) {
        return required(Arrays.asList(names));
    }

    public SchemaBuilder required(List<String> names) {
        this.required = List.copyOf(names);
        return this;
    }

    public SchemaBuilder dependentRequired(Map<String, ? extends List<String>> dependentRequired) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        dependentRequired.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.dependentRequired = copy;
        return this;
    }

    // --- metadata keywords

    public SchemaBuilder title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    public SchemaBuilder description(String description) {
        this.description = description == null ? "" : description;
        return this;
    }

    /** A default: any plain JSON value; {@code null} means absent. */
    public SchemaBuilder defaultValue(Object value) {
        this.defaultValue = JsonValues.normalize(value);
        return this;
    }

    public SchemaBuilder deprecated(boolean deprecated) {
        this.deprecated = deprecated;
        return this;
    }

    public SchemaBuilder examples(Object... values) {
        return examples(Arrays.asList(values));
    }

    public SchemaBuilder examples(List<?> values) {
        this.examples = valueList(values);
        return this;
    }

    // --- ESC extensions

    /** Marks the schema's values as required to be secret. */
    public SchemaBuilder secret(boolean secret) {
        this.secret = secret;
        return this;
    }

    public SchemaBuilder secret() {
        return secret(true);
    }

    /** Names the object properties that may only be supplied during a rotation. */
    public SchemaBuilder rotateOnly(String... names) {
        return rotateOnly(Arrays.asList(names));
    }

    public SchemaBuilder rotateOnly(List<String> names) {
        this.rotateOnly = List.copyOf(names);
        return this;
    }

    public Schema build() {
        return new Schema(this);
    }

    @Override
    public Schema toSchema() {
        return build();
    }

    private static JsonNumber number(String text) {
        return text == null ? null : JsonNumber.of(text);
    }

    private static List<Schema> schemaList(List<? extends ToSchema> sources) {
        List<Schema> list = new ArrayList<>(sources.size());
        for (ToSchema s : sources) {
            list.add(s == null ? null : s.toSchema());
        }
        return list;
    }

    private static Map<String, Schema> schemaMap(Map<String, ? extends ToSchema> sources) {
        // sized up front: the record schema of a large object would otherwise rehash its way up
        Map<String, Schema> map = new LinkedHashMap<>(Math.max(16, (int) (sources.size() / 0.75f) + 1));
        sources.forEach((k, v) -> map.put(k, v == null ? null : v.toSchema()));
        return map;
    }

    private static List<Object> valueList(List<?> values) {
        List<Object> list = new ArrayList<>(values.size());
        for (Object v : values) {
            list.add(JsonValues.normalize(v));
        }
        return list;
    }
}
