package dev.openesc.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The operations behind {@link Schema}'s access, union, literal and equality methods. */
final class SchemaAccess {
    private SchemaAccess() {}

    static Schema item(Schema s, int index) {
        if (s.anyOf().isEmpty() && s.oneOf().isEmpty()) {
            // the usual case: no alternatives to collect, so no lists (asked once per element evaluated)
            return orNever(ownItem(s, index));
        }
        List<Schema> candidates = new ArrayList<>();
        for (Schema x : s.anyOf()) {
            candidates.add(item(x, index));
        }
        for (Schema x : s.oneOf()) {
            candidates.add(item(x, index));
        }
        candidates.add(ownItem(s, index));
        return union(candidates);
    }

    private static Schema ownItem(Schema s, int index) {
        if (!s.hasType("array")) {
            return Schema.never();
        }
        if (index >= 0 && index < s.prefixItems().size()) {
            return s.prefixItems().get(index);
        }
        return s.items();
    }

    static Schema property(Schema s, String name) {
        if (s.anyOf().isEmpty() && s.oneOf().isEmpty()) {
            // the usual case: no alternatives to collect, so no lists (asked once per property evaluated)
            return orNever(ownProperty(s, name));
        }
        List<Schema> candidates = new ArrayList<>();
        for (Schema x : s.anyOf()) {
            candidates.add(property(x, name));
        }
        for (Schema x : s.oneOf()) {
            candidates.add(property(x, name));
        }
        candidates.add(ownProperty(s, name));
        return union(candidates);
    }

    private static Schema ownProperty(Schema s, String name) {
        if (!s.hasType("object")) {
            return Schema.never();
        }
        Schema p = s.properties().get(name);
        return p != null ? p : s.additionalProperties();
    }

    /** What {@link #union} makes of a single candidate. */
    private static Schema orNever(Schema s) {
        return s == null || s.isNever() ? Schema.never() : s;
    }

    static Schema union(List<Schema> schemas) {
        List<Schema> kept = new ArrayList<>(schemas.size());
        for (Schema s : schemas) {
            if (s != null && !s.isNever()) {
                kept.add(s);
            }
        }
        return switch (kept.size()) {
            case 0 -> Schema.never();
            case 1 -> kept.get(0);
            default -> Schema.untyped().oneOf(kept).build();
        };
    }

    static Schema literal(Object value) {
        Object v = JsonValues.normalize(value);
        if (v == null) {
            return Schema.nullType().build();
        }
        if (v instanceof Boolean b) {
            return Schema.bool().constValue(b).build();
        }
        if (v instanceof JsonNumber n) {
            return Schema.number().constValue(n).build();
        }
        if (v instanceof String s) {
            return Schema.string().constValue(s).build();
        }
        if (v instanceof List<?> list) {
            List<Schema> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                elements.add(literal(element));
            }
            return Schema.tuple(elements).build();
        }
        Map<String, Schema> props = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, e) -> props.put((String) k, literal(e)));
        return Schema.record(props).build();
    }

    /** True if both schemas have the same keywords (maps compared without regard to order). */
    static boolean sameKeywords(Schema a, Schema b) {
        return a.isAlways() == b.isAlways()
                && a.isNever() == b.isNever()
                && a.defs().equals(b.defs())
                && a.ref().equals(b.ref())
                && a.anyOf().equals(b.anyOf())
                && a.oneOf().equals(b.oneOf())
                && a.prefixItems().equals(b.prefixItems())
                && Objects.equals(a.items(), b.items())
                && Objects.equals(a.additionalProperties(), b.additionalProperties())
                && a.properties().equals(b.properties())
                && a.type().equals(b.type())
                && Objects.equals(a.constValue(), b.constValue())
                && a.enumValues().equals(b.enumValues())
                && Objects.equals(a.multipleOf(), b.multipleOf())
                && Objects.equals(a.maximum(), b.maximum())
                && Objects.equals(a.exclusiveMaximum(), b.exclusiveMaximum())
                && Objects.equals(a.minimum(), b.minimum())
                && Objects.equals(a.exclusiveMinimum(), b.exclusiveMinimum())
                && Objects.equals(a.maxLength(), b.maxLength())
                && Objects.equals(a.minLength(), b.minLength())
                && a.pattern().equals(b.pattern())
                && Objects.equals(a.maxItems(), b.maxItems())
                && Objects.equals(a.minItems(), b.minItems())
                && a.uniqueItems() == b.uniqueItems()
                && Objects.equals(a.maxProperties(), b.maxProperties())
                && Objects.equals(a.minProperties(), b.minProperties())
                && a.required().equals(b.required())
                && a.dependentRequired().equals(b.dependentRequired())
                && a.title().equals(b.title())
                && a.description().equals(b.description())
                && Objects.equals(a.defaultValue(), b.defaultValue())
                && a.deprecated() == b.deprecated()
                && a.examples().equals(b.examples())
                && a.secret() == b.secret()
                && a.rotateOnly().equals(b.rotateOnly());
    }
}
