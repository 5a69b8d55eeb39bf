package dev.openesc.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema of the ESC dialect of JSON Schema (2020-12 subset plus the {@code secret} and {@code rotateOnly}
 * extensions). Instances are immutable once built, except for the memo that {@link #compile()} fills in (the
 * target of {@code $ref} and the parsed bounds), which never changes what the schema means or how it serialises.
 *
 * <p>Two schemas are special: {@link #always()} accepts everything and serialises as {@code true};
 * {@link #never()} accepts nothing and serialises as {@code false}. Every other schema serialises as an object that
 * always carries {@code "type"} (possibly {@code ""}) and omits every other empty keyword, like the reference.
 *
 * <p>Conventions: absent sub-schemas ({@code items}, {@code additionalProperties}), numbers, constants and defaults
 * are {@code null}; absent strings are {@code ""}; absent lists and maps are empty. Note that an absent
 * {@code items} is not the same as {@code never()}: only the latter is written as {@code "items": false}.
 */
public final class Schema implements ToSchema {
    private static final Schema ALWAYS = new Schema(true, false);
    private static final Schema NEVER = new Schema(false, true);

    private final boolean always;
    private final boolean never;

    private final Map<String, Schema> defs;
    private final String ref;
    private final List<Schema> anyOf;
    private final List<Schema> oneOf;
    private final List<Schema> prefixItems;
    private final Schema items;
    private final Schema additionalProperties;
    private final Map<String, Schema> properties;

    private final String type;
    private final Object constValue;
    private final List<Object> enumValues;
    private final JsonNumber multipleOf;
    private final JsonNumber maximum;
    private final JsonNumber exclusiveMaximum;
    private final JsonNumber minimum;
    private final JsonNumber exclusiveMinimum;
    private final JsonNumber maxLength;
    private final JsonNumber minLength;
    private final String pattern;
    private final JsonNumber maxItems;
    private final JsonNumber minItems;
    private final boolean uniqueItems;
    private final JsonNumber maxProperties;
    private final JsonNumber minProperties;
    /**
     * Null in a plain record until first asked for: a record requires all its properties, in key order, and the
     * evaluator builds a record per object and per merge whose required list nobody reads (for an object of
     * 100,000 properties, a sort and two copies of its names per build). Threads racing to fill it in compute
     * the same immutable list.
     */
    private List<String> required;
    private final Map<String, List<String>> dependentRequired;

    private final String title;
    private final String description;
    private final Object defaultValue;
    private final boolean deprecated;
    private final List<Object> examples;

    private final boolean secret;
    /**
     * True when built as a record (by {@link #recordOf} or a merge): an object schema with only properties, all of
     * them required, and perhaps additionalProperties. {@link SchemaMerge} relies on it to recognise a merge
     * result merged again.
     */
    final boolean plainRecord;
    private final List<String> rotateOnly;

    /** Filled in by {@link SchemaCompiler}; guarded by its lock for writes, volatile for reads. */
    volatile SchemaCompiler.Compiled compiled;

    /** Set by {@link SchemaCompiler} when a compiled parent lists this schema's property in rotateOnly. */
    volatile boolean rotateOnlyMark;

    /** Memo of {@link #bounds()}, derived only from the immutable keywords. */
    volatile CompiledBounds boundsMemo;

    private Schema(boolean always, boolean never) {
        this(new SchemaBuilder(""), always, never);
    }

    Schema(SchemaBuilder b) {
        this(b, false, false);
    }

    /**
     * A plain record (see {@link #plainRecord}), built without a {@link SchemaBuilder}: the evaluator makes one per
     * object it evaluates and per merge of two objects, and the builder, as large as the schema itself, was a
     * visible share of what a pass allocates. Every other keyword is absent, as a fresh builder has it.
     */
    private Schema(Map<String, Schema> properties, Schema additionalProperties) {
        this.always = false;
        this.never = false;
        this.defs = Collections.emptyMap();
        this.ref = "";
        this.anyOf = Collections.emptyList();
        this.oneOf = Collections.emptyList();
        this.prefixItems = Collections.emptyList();
        this.items = null;
        this.additionalProperties = additionalProperties;
        this.properties = frozenSchemas(properties);
        this.type = "object";
        this.constValue = null;
        this.enumValues = Collections.emptyList();
        this.multipleOf = null;
        this.maximum = null;
        this.exclusiveMaximum = null;
        this.minimum = null;
        this.exclusiveMinimum = null;
        this.maxLength = null;
        this.minLength = null;
        this.pattern = "";
        this.maxItems = null;
        this.minItems = null;
        this.uniqueItems = false;
        this.maxProperties = null;
        this.minProperties = null;
        this.required = null;
        this.dependentRequired = Collections.emptyMap();
        this.title = "";
        this.description = "";
        this.defaultValue = null;
        this.deprecated = false;
        this.examples = Collections.emptyList();
        this.secret = false;
        this.plainRecord = true;
        this.rotateOnly = List.of();
    }

    /** A plain record over {@code properties}, which the schema keeps (callers hand over a map of their own). */
    static Schema adoptedRecord(Map<String, Schema> properties, Schema additionalProperties) {
        return new Schema(properties, additionalProperties);
    }

    private Schema(SchemaBuilder b, boolean always, boolean never) {
        this.always = always;
        this.never = never;
        this.defs = frozenSchemas(b.defs);
        this.ref = b.ref;
        this.anyOf = frozenSchemas(b.anyOf);
        this.oneOf = frozenSchemas(b.oneOf);
        this.prefixItems = frozenSchemas(b.prefixItems);
        this.items = b.items;
        this.additionalProperties = b.additionalProperties;
        this.properties = frozenSchemas(b.properties);
        this.type = b.type;
        this.constValue = b.constValue;
        this.enumValues = frozen(b.enumValues);
        this.multipleOf = b.multipleOf;
        this.maximum = b.maximum;
        this.exclusiveMaximum = b.exclusiveMaximum;
        this.minimum = b.minimum;
        this.exclusiveMinimum = b.exclusiveMinimum;
        this.maxLength = b.maxLength;
        this.minLength = b.minLength;
        this.pattern = b.pattern;
        this.maxItems = b.maxItems;
        this.minItems = b.minItems;
        this.uniqueItems = b.uniqueItems;
        this.maxProperties = b.maxProperties;
        this.minProperties = b.minProperties;
        this.required = b.required == null ? null : List.copyOf(b.required);
        this.dependentRequired = frozenDependentRequired(b.dependentRequired);
        this.title = b.title;
        this.description = b.description;
        this.defaultValue = b.defaultValue;
        this.deprecated = b.deprecated;
        this.examples = frozen(b.examples);
        this.secret = b.secret;
        // records are built by their own constructor; a builder never makes one
        this.plainRecord = false;
        this.rotateOnly = List.copyOf(b.rotateOnly);
    }

    // ------------------------------------------------------------------ factories

    /** The schema that accepts every value ({@code true}). */
    public static Schema always() {
        return ALWAYS;
    }

    /** The schema that accepts no value ({@code false}). */
    public static Schema never() {
        return NEVER;
    }

    /** A builder with no type ({@code "type": ""}), for unions, references and hand-made schemas. */
    public static SchemaBuilder untyped() {
        return new SchemaBuilder("");
    }

    public static SchemaBuilder string() {
        return new SchemaBuilder("string");
    }

    public static SchemaBuilder number() {
        return new SchemaBuilder("number");
    }

    public static SchemaBuilder bool() {
        return new SchemaBuilder("boolean");
    }

    public static SchemaBuilder nullType() {
        return new SchemaBuilder("null");
    }

    public static SchemaBuilder array() {
        return new SchemaBuilder("array");
    }

    public static SchemaBuilder object() {
        return new SchemaBuilder("object");
    }

    /** A typed builder for any JSON type name. */
    public static SchemaBuilder ofType(String type) {
        return new SchemaBuilder(type);
    }

    /** A builder starting from every keyword of this schema (always/never have none), to derive a variant. */
    public SchemaBuilder toBuilder() {
        return new SchemaBuilder(this);
    }

    /** The untyped schema {@code {"$ref": ref}}. */
    public static Schema ref(String ref) {
        return untyped().ref(ref).build();
    }

    public static Schema anyOf(ToSchema... anyOf) {
        return untyped().anyOf(anyOf).build();
    }

    public static Schema anyOf(List<? extends ToSchema> anyOf) {
        return untyped().anyOf(anyOf).build();
    }

    public static Schema oneOf(ToSchema... oneOf) {
        return untyped().oneOf(oneOf).build();
    }

    public static Schema oneOf(List<? extends ToSchema> oneOf) {
        return untyped().oneOf(oneOf).build();
    }

    /**
     * An object builder whose properties are the given ones, all required (listed in sorted order). This is the
     * shape of every evaluated object literal.
     */
    public static SchemaBuilder record(Map<String, ? extends ToSchema> properties) {
        return object().properties(properties).required(sortedNames(properties));
    }

    /**
     * The record schema of {@code properties} (as {@code record(properties).build()}), keeping the given map
     * instead of copying it: the caller hands the map over and must not change it afterwards. The evaluator builds
     * the schema of every object it evaluates from a fresh map, and for an object of 100,000 properties the copy
     * was a good part of the cost of the schema.
     */
    public static Schema recordOf(Map<String, Schema> properties) {
        return adoptedRecord(properties, null);
    }

    static List<String> sortedNames(Map<String, ?> properties) {
        List<String> names = new ArrayList<>(properties.keySet());
        names.sort(JsonValues.KEY_ORDER);
        return names;
    }

    /** An array builder with exactly these elements: the given prefix items and {@code items: false}. */
    public static SchemaBuilder tuple(ToSchema... prefixItems) {
        return tuple(Arrays.asList(prefixItems));
    }

    public static SchemaBuilder tuple(List<? extends ToSchema> prefixItems) {
        return array().prefixItems(prefixItems).items(NEVER);
    }

    /**
     * The schema of a literal value: {@code null}, a Boolean, a JsonNumber (or Java number), a String; lists become
     * tuples and maps records of their elements' literal schemas. Matches what the evaluator declares for literals
     * and for values returned by providers.
     */
    public static Schema literal(Object value) {
        return SchemaAccess.literal(value);
    }

    // ------------------------------------------------------------------ JSON

    /** Parses a schema from JSON text; numbers keep their exact text. Fails on malformed schemas. */
    public static Schema parse(String json) {
        return SchemaJson.parse(json);
    }

    /** Reads a schema from a plain JSON value (a Boolean or a {@code Map<String, Object>}, see {@link JsonValues}). */
    public static Schema fromValue(Object plainJson) {
        return SchemaDecoder.decodeRoot(JsonValues.normalize(plainJson));
    }

    /**
     * Reads a schema from a Jackson tree. Numbers come from the tree's values, so their text is normalised
     * ({@code 1.50} reads as {@code 1.5}); use {@link #parse(String)} to keep number text exactly.
     */
    public static Schema fromJson(JsonNode json) {
        return SchemaJson.fromJsonNode(json);
    }

    /** The JSON form, as the reference marshals it. */
    public JsonNode toJson() {
        return SchemaJson.toJsonNode(this);
    }

    /** Writes the JSON form of {@link #toJson()} to a generator, without building the tree. */
    public void writeJson(com.fasterxml.jackson.core.JsonGenerator generator) throws java.io.IOException {
        SchemaWriter.write(generator, this);
    }

    /** Compact JSON text. */
    public String toJsonString() {
        return SchemaJson.toJsonString(this);
    }

    // ------------------------------------------------------------------ compilation

    /**
     * Resolves {@code $ref}s against this schema's {@code $defs} and checks the numeric bounds and the pattern.
     * Compiling is idempotent and, as in the reference, only the first call on a given schema reports errors.
     *
     * @return the first problem found, or empty if the schema is usable
     */
    public Optional<SchemaError> compile() {
        return SchemaCompiler.compile(this);
    }

    /** The schema that {@code $ref} points to, once compiled; {@code null} if there is no reference or not compiled. */
    public Schema resolvedRef() {
        SchemaCompiler.Compiled c = compiled;
        return c == null ? null : c.ref();
    }

    /** The bounds of this schema, parsed (computed on demand if the schema was not compiled). */
    public CompiledBounds bounds() {
        return SchemaCompiler.bounds(this);
    }

    // ------------------------------------------------------------------ access

    /**
     * The schema of element {@code index} of values of this schema: the union of what this schema and each of its
     * {@code anyOf}/{@code oneOf} alternatives say about that element. Non-array schemas (including
     * {@link #always()} and references, which are not followed) contribute nothing, so the result is
     * {@link #never()} when nothing is known.
     */
    public Schema item(int index) {
        return SchemaAccess.item(this, index);
    }

    /**
     * The schema of property {@code name} of values of this schema: like {@link #item(int)}, for objects, using
     * {@code properties} and then {@code additionalProperties}.
     */
    public Schema property(String name) {
        return SchemaAccess.property(this, name);
    }

    /**
     * The union of some schemas: absent ({@code null}) and never schemas are dropped; nothing left gives
     * {@link #never()}, a single schema is returned as is, several become an untyped {@code oneOf}.
     */
    public static Schema union(List<Schema> schemas) {
        return SchemaAccess.union(schemas);
    }

    /**
     * The schema of {@code top} merged over {@code base} per JSON merge patch: for two object schemas the
     * properties are merged recursively (all required); otherwise {@code top} wins. See {@link SchemaMerge}.
     */
    public static Schema merged(Schema base, Schema top) {
        return SchemaMerge.merged(base, top);
    }

    /** True if this object schema lists the property in its {@code rotateOnly} keyword. */
    public boolean hasRotateOnlyProperty(String property) {
        return rotateOnly.contains(property);
    }

    /**
     * True if this schema is the schema of a property that its parent object lists in {@code rotateOnly}. The mark
     * is pushed down from parents to their properties by {@link #compile()}, as in the reference; it is false on
     * schemas that were not reached by a compilation. Values supplied for such inputs may only be evaluated
     * during a rotation.
     */
    public boolean isRotateOnly() {
        return rotateOnlyMark;
    }

    /** True if this object schema lists the property as required. */
    public boolean isRequired(String property) {
        return required().contains(property);
    }

    // ------------------------------------------------------------------ keywords

    /** True for {@link #always()} (serialised {@code true}). */
    public boolean isAlways() { return always; }

    /** True for {@link #never()} (serialised {@code false}). */
    public boolean isNever() { return never; }

    /** True for always/never, which have no keywords. */
    public boolean isBoolean() { return always || never; }

    public Map<String, Schema> defs() { return defs; }

    /** The {@code $ref} text, or "" when there is none. */
    public String ref() { return ref; }

    public boolean hasRef() { return !ref.isEmpty(); }

    public List<Schema> anyOf() { return anyOf; }
    public List<Schema> oneOf() { return oneOf; }
    public List<Schema> prefixItems() { return prefixItems; }

    /** {@code null} when absent. */
    public Schema items() { return items; }

    /** {@code null} when absent. */
    public Schema additionalProperties() { return additionalProperties; }

    public Map<String, Schema> properties() { return properties; }

    /** The type name, "" when untyped (and for always/never). */
    public String type() { return type; }

    public boolean hasType(String name) { return type.equals(name); }

    /** The constant, {@code null} when absent (a JSON null constant cannot be expressed, as in the reference). */
    public Object constValue() { return constValue; }

    public boolean hasConst() { return constValue != null; }

    public List<Object> enumValues() { return enumValues; }
    public JsonNumber multipleOf() { return multipleOf; }
    public JsonNumber maximum() { return maximum; }
    public JsonNumber exclusiveMaximum() { return exclusiveMaximum; }
    public JsonNumber minimum() { return minimum; }
    public JsonNumber exclusiveMinimum() { return exclusiveMinimum; }
    public JsonNumber maxLength() { return maxLength; }
    public JsonNumber minLength() { return minLength; }

    /** The pattern text, "" when absent. */
    public String pattern() { return pattern; }

    public JsonNumber maxItems() { return maxItems; }
    public JsonNumber minItems() { return minItems; }
    public boolean uniqueItems() { return uniqueItems; }
    public JsonNumber maxProperties() { return maxProperties; }
    public JsonNumber minProperties() { return minProperties; }
    public List<String> required() {
        List<String> r = required;
        if (r == null) {
            r = List.copyOf(sortedNames(properties));
            required = r;
        }
        return r;
    }
    public Map<String, List<String>> dependentRequired() { return dependentRequired; }

    public String title() { return title; }
    public String description() { return description; }

    /** {@code null} when absent. */
    public Object defaultValue() { return defaultValue; }

    public boolean deprecated() { return deprecated; }
    public List<Object> examples() { return examples; }

    /** The {@code secret} extension: values must be secret. */
    public boolean secret() { return secret; }

    /** The {@code rotateOnly} extension: names of object properties that may only be supplied during rotation. */
    public List<String> rotateOnly() { return rotateOnly; }

    @Override
    public Schema toSchema() {
        return this;
    }

    // ------------------------------------------------------------------ identity

    /** Structural equality of all keywords (map order ignored); the compilation memo does not count. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Schema s && SchemaAccess.sameKeywords(this, s));
    }

    @Override
    public int hashCode() {
        return Objects.hash(always, never, type, ref, properties, prefixItems, items, anyOf, oneOf, constValue);
    }

    /** The compact JSON form. */
    @Override
    public String toString() {
        return toJsonString();
    }

    // The builder never changes a collection once it holds it (every setter installs a new one), so a schema can
    // keep the builder's collections behind read-only views instead of copying them: objects of many properties
    // would otherwise be copied on every build. Empty ones become the shared immutable empties (null-tolerant,
    // unlike List.of(), because enum values and examples may hold JSON null), most keywords of most schemas being
    // absent.

    private static List<Schema> frozenSchemas(List<Schema> list) {
        if (list.isEmpty()) {
            // most schemas have none of these lists: no iterator for an empty one
            return Collections.emptyList();
        }
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), "schema lists must not contain null");
        }
        return frozen(list);
    }

    private static Map<String, Schema> frozenSchemas(Map<String, Schema> map) {
        map.forEach((k, v) -> Objects.requireNonNull(v, () -> "schema for " + k + " must not be null"));
        return map.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(map);
    }

    private static <T> List<T> frozen(List<T> list) {
        return list.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(list);
    }

    private static Map<String, List<String>> frozenDependentRequired(Map<String, List<String>> map) {
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
