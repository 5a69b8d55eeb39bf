package dev.openesc.core.eval;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import java.util.List;
import java.util.Map;

/** The schema constructions and queries the evaluator needs, in one place. */
final class SchemaOps {
    private SchemaOps() {}

    private static final Schema ALWAYS = Schema.always();
    private static final Schema NEVER = Schema.never();
    private static final Schema NULL = Schema.nullType().build();
    private static final Schema STRING = Schema.string().build();
    private static final Schema ARRAY_OF_ANY = Schema.array().items(ALWAYS).build();
    private static final Schema OBJECT_OF_ANY = Schema.object().additionalProperties(ALWAYS).build();
    private static final Schema ARRAY_OF_STRING = Schema.array().items(STRING).build();

    static Schema always() {
        return ALWAYS;
    }

    static Schema never() {
        return NEVER;
    }

    static Schema nul() {
        return NULL;
    }

    static Schema string() {
        return STRING;
    }

    static Schema arrayOfAny() {
        return ARRAY_OF_ANY;
    }

    static Schema arrayOfString() {
        return ARRAY_OF_STRING;
    }

    static Schema arrayOf(Schema items) {
        return Schema.array().items(items).build();
    }

    static Schema objectOfAny() {
        return OBJECT_OF_ANY;
    }

    static Schema boolConst(boolean b) {
        return Schema.bool().constValue(b).build();
    }

    static Schema numberConst(JsonNumber n) {
        return Schema.number().constValue(n).build();
    }

    static Schema stringConst(String s) {
        return Schema.string().constValue(s).build();
    }

    static Schema tuple(List<Schema> items) {
        return Schema.tuple(items).build();
    }

    /** The record schema of a map the caller hands over (see {@link Schema#recordOf}): callers pass fresh maps. */
    static Schema record(Map<String, Schema> properties) {
        return Schema.recordOf(properties);
    }

    static Schema oneOf(Schema a, Schema b) {
        return Schema.oneOf(a, b);
    }

    static Schema property(Schema s, String key) {
        if (s == null) {
            return ALWAYS;
        }
        Schema p = s.property(key);
        return p == null ? NEVER : p;
    }

    static Schema item(Schema s, int index) {
        if (s == null) {
            return ALWAYS;
        }
        Schema p = s.item(index);
        return p == null ? NEVER : p;
    }

    static boolean isAlways(Schema s) {
        return s == null || s.isAlways();
    }

    static boolean isNever(Schema s) {
        return s != null && s.isNever();
    }

    static String type(Schema s) {
        return s == null ? "" : s.type();
    }

    static Schema merged(Schema base, Schema top) {
        if (base == null) {
            return top;
        }
        return Schema.merged(base, top);
    }

    /** Compiles a provider's schema; returns the error text, or null when it is usable. */
    static String compile(Schema s) {
        return s.compile().map(e -> e.message()).orElse(null);
    }
}
