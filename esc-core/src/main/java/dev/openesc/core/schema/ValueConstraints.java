package dev.openesc.core.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The checks of a schema's bounds against concrete data, with the reference's exact messages. These are the parts
 * of value validation that need nothing but the schema and plain data; walking values, blaming locations and
 * comparing constants with evaluated values stay with the evaluator. Each method returns the problems in the
 * reference's order, empty when the data is acceptable.
 */
public final class ValueConstraints {
    private ValueConstraints() {}

    /** "expected string, got number": the message for a value of the wrong JSON type. */
    public static String typeMismatch(String expected, String actual) {
        return "expected " + expected + ", got " + actual;
    }

    /** The message for a value that is not the schema's constant. */
    public static String constMismatch(Object expected) {
        return "expected " + GoText.json(expected);
    }

    /** The message for a value that is not one of the schema's enum values (a single value reads as a constant). */
    public static String enumMismatch(List<Object> expected) {
        if (expected.size() == 1) {
            return constMismatch(expected.get(0));
        }
        return "expected one of " + GoText.json(expected);
    }

    /** True if the schema's type accepts a value of this JSON type (an untyped schema accepts all). */
    public static boolean typeAccepts(Schema accept, String actualType) {
        return accept.type().isEmpty() || accept.type().equals(actualType);
    }

    /**
     * The number checks: multipleOf, minimum, exclusiveMinimum, maximum, exclusiveMaximum, in that order. Bounds
     * compare in 64-bit binary precision as in the reference; messages quote the schema's number text.
     */
    public static List<String> checkNumber(Schema accept, JsonNumber value) {
        List<String> problems = new ArrayList<>();
        BinaryFloat n = BinaryFloat.of(value);
        if (accept.multipleOf() != null) {
            BinaryFloat q = n.dividedBy(BinaryFloat.of(accept.multipleOf()));
            if (q == null || !q.isInteger()) {
                problems.add("expected a multiple of " + accept.multipleOf());
            }
        }
        if (accept.minimum() != null && n.compareTo(BinaryFloat.of(accept.minimum())) < 0) {
            problems.add("expected a number greater than or equal to " + accept.minimum());
        }
        if (accept.exclusiveMinimum() != null && n.compareTo(BinaryFloat.of(accept.exclusiveMinimum())) <= 0) {
            problems.add("expected a number greater than " + accept.exclusiveMinimum());
        }
        if (accept.maximum() != null && n.compareTo(BinaryFloat.of(accept.maximum())) > 0) {
            // the reference's message has no space before the number
            problems.add("expected a number less than or equal to" + accept.maximum());
        }
        if (accept.exclusiveMaximum() != null && n.compareTo(BinaryFloat.of(accept.exclusiveMaximum())) >= 0) {
            problems.add("expected a number less than " + accept.exclusiveMaximum());
        }
        return problems;
    }

    /**
     * The string checks: minLength, maxLength (lengths count UTF-8 bytes, as the reference does), then the
     * pattern, which must match somewhere in the string.
     */
    public static List<String> checkString(Schema accept, String value) {
        List<String> problems = new ArrayList<>();
        CompiledBounds bounds = accept.bounds();
        long length = value.getBytes(StandardCharsets.UTF_8).length;
        if (bounds.minLength() != null && length < bounds.minLength()) {
            problems.add("expected a string of at least length " + accept.minLength());
        }
        if (bounds.maxLength() != null && length > bounds.maxLength()) {
            problems.add("expected a string of at most length " + accept.maxLength());
        }
        if (bounds.pattern() != null && !bounds.pattern().matcher(value).find()) {
            problems.add("string must match the pattern " + GoText.quote(accept.pattern()));
        }
        return problems;
    }

    /** The array size checks: minItems, maxItems. Elements are the evaluator's to check. */
    public static List<String> checkArraySize(Schema accept, int size) {
        List<String> problems = new ArrayList<>();
        CompiledBounds bounds = accept.bounds();
        if (bounds.minItems() != null && size < bounds.minItems()) {
            problems.add("expected an array with at least " + accept.minItems() + " items");
        }
        if (bounds.maxItems() != null && size > bounds.maxItems()) {
            problems.add("expected an array with at most " + accept.maxItems() + " items");
        }
        return problems;
    }

    /** The object size checks: minProperties, maxProperties. */
    public static List<String> checkObjectSize(Schema accept, int size) {
        List<String> problems = new ArrayList<>();
        CompiledBounds bounds = accept.bounds();
        if (bounds.minProperties() != null && size < bounds.minProperties()) {
            problems.add("expected an object with at least " + accept.minProperties() + " properties");
        }
        if (bounds.maxProperties() != null && size > bounds.maxProperties()) {
            problems.add("expected an object with at most " + accept.maxProperties() + " properties");
        }
        return problems;
    }

    /**
     * The properties an object with these keys lacks: first the {@code required} ones in order, then for each
     * present key with {@code dependentRequired} (keys in sorted order, for a stable result) its missing
     * dependencies. Names may repeat, as in the reference.
     */
    public static List<String> missingProperties(Schema accept, Collection<String> keys) {
        List<String> missing = new ArrayList<>();
        for (String k : accept.required()) {
            if (!keys.contains(k)) {
                missing.add(k);
            }
        }
        List<String> dependents = new ArrayList<>(accept.dependentRequired().keySet());
        dependents.sort(JsonValues.KEY_ORDER);
        for (String k : dependents) {
            if (keys.contains(k)) {
                for (String dependency : accept.dependentRequired().get(k)) {
                    if (!keys.contains(dependency)) {
                        missing.add(dependency);
                    }
                }
            }
        }
        return missing;
    }

    /** "missing required properties: a, b", or null when nothing is missing. */
    public static String missingPropertiesMessage(List<String> missing) {
        return missing.isEmpty() ? null : "missing required properties: " + String.join(", ", missing);
    }

    /** The schema a property value must satisfy: its own entry in {@code properties}, else additionalProperties. */
    public static Schema propertySchema(Schema accept, String name) {
        Map<String, Schema> properties = accept.properties();
        Schema p = properties.get(name);
        return p != null ? p : accept.additionalProperties();
    }

    /** The schema an array element must satisfy: its prefix item, else items. */
    public static Schema elementSchema(Schema accept, int index) {
        return index < accept.prefixItems().size() ? accept.prefixItems().get(index) : accept.items();
    }
}
