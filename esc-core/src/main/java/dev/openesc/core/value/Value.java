package dev.openesc.core.value;

import dev.openesc.core.schema.GoText;
import dev.openesc.core.schema.JsonNumber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of evaluating an expression, in its wire shape. The payload is one of: {@code null}, {@link Boolean},
 * {@link JsonNumber}, {@link String}, {@code List<Value>} or {@code Map<String, Value>} (kept sorted by key, which is
 * how the reference serialises maps). A value may be secret and/or unknown, and carries a {@link Trace}.
 *
 * <p>Collections passed in are used as given (not copied) so that building large values stays linear; callers must
 * not mutate them afterwards.
 *
 * <p>The members, equality and hash are those of the record of (value, secret, unknown, trace) it was. A value
 * made by {@link #definedAt} keeps the syntax range it was defined at and makes its trace when read: an evaluated
 * environment has a value per property, and a trace object beside each was a third of what its values held
 * (docs/decisions.md, entry 36).
 */
public final class Value {
    private final Object value;
    private final boolean secret;
    private final boolean unknown;
    /** The trace, or the syntax range of a value with no base whose trace is {@link Trace#located} of it. */
    private final Object trace;

    public Value(Object value, boolean secret, boolean unknown, Trace trace) {
        this.value = checked(value);
        this.secret = secret;
        this.unknown = unknown;
        this.trace = trace == null ? Trace.NONE : trace;
    }

    private Value(Object value, boolean secret, boolean unknown, dev.openesc.core.syntax.Range definedAt) {
        this.value = checked(value);
        this.secret = secret;
        this.unknown = unknown;
        this.trace = java.util.Objects.requireNonNull(definedAt, "definedAt");
    }

    /**
     * A value defined at {@code span} and merged over nothing: equal in every respect to
     * {@code new Value(value, secret, unknown, Trace.located(span))}, its trace made when read.
     */
    public static Value definedAt(Object value, boolean secret, boolean unknown, dev.openesc.core.syntax.Range span) {
        return new Value(value, secret, unknown, span);
    }

    private static Object checked(Object value) {
        if (value instanceof Map<?, ?> m && !(m instanceof SortedMap<?, ?>)) {
            value = Collections.unmodifiableSortedMap(new TreeMap<>(m));
        }
        if (!(value == null || value instanceof Boolean || value instanceof JsonNumber || value instanceof String
                || value instanceof List<?> || value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("unsupported value payload " + value.getClass());
        }
        return value;
    }

    public Object value() {
        return value;
    }

    public boolean secret() {
        return secret;
    }

    public boolean unknown() {
        return unknown;
    }

    public Trace trace() {
        return trace instanceof Trace t ? t : Trace.located((dev.openesc.core.syntax.Range) trace);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Value v && secret == v.secret && unknown == v.unknown
                && java.util.Objects.equals(value, v.value) && trace().equals(v.trace());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(value, secret, unknown, trace());
    }

    public static Value of(Object payload) {
        return new Value(payload, false, false, Trace.NONE);
    }

    public static Value ofNull() {
        return new Value(null, false, false, Trace.NONE);
    }

    public static Value ofString(String s) {
        return new Value(s, false, false, Trace.NONE);
    }

    public static Value ofBoolean(boolean b) {
        return new Value(b, false, false, Trace.NONE);
    }

    public static Value ofNumber(String text) {
        return new Value(new JsonNumber(text), false, false, Trace.NONE);
    }

    public static Value ofList(List<Value> items) {
        return new Value(items, false, false, Trace.NONE);
    }

    public static Value ofMap(Map<String, Value> entries) {
        return new Value(entries, false, false, Trace.NONE);
    }

    /** An unknown value (no payload). */
    public static Value unknownValue() {
        return new Value(null, false, true, Trace.NONE);
    }

    public Value withSecret(boolean s) {
        return new Value(value, s, unknown, trace());
    }

    public Value withTrace(Trace t) {
        return new Value(value, secret, unknown, t);
    }

    /**
     * Marks this value secret, and every element of a list or map payload one level down that is not already secret
     * (as the reference's secret constructor does).
     */
    public Value makeSecret() {
        if (value instanceof List<?> l) {
            List<Value> out = new ArrayList<>(l.size());
            for (Value e : asList()) {
                out.add(e.secret ? e : e.makeSecret());
            }
            return new Value(out, true, unknown, trace());
        }
        if (value instanceof Map<?, ?>) {
            TreeMap<String, Value> out = new TreeMap<>();
            for (Map.Entry<String, Value> e : asMap().entrySet()) {
                Value v = e.getValue();
                out.put(e.getKey(), v.secret ? v : v.makeSecret());
            }
            return new Value(Collections.unmodifiableSortedMap(out), true, unknown, trace());
        }
        return new Value(value, true, unknown, trace());
    }

    @SuppressWarnings("unchecked")
    public List<Value> asList() {
        return value instanceof List<?> l ? (List<Value>) l : null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Value> asMap() {
        return value instanceof Map<?, ?> m ? (Map<String, Value>) m : null;
    }

    public boolean isNull() {
        return value == null;
    }

    /**
     * Plain JSON of this value: {@code null}, Boolean, JsonNumber, String, List or Map (insertion-ordered by sorted
     * key). Unknown values become {@code "[unknown]"}; when {@code redact} is set, secrets become {@code "[secret]"}.
     */
    public Object toJson(boolean redact) {
        if (secret && redact) {
            return "[secret]";
        }
        if (unknown) {
            return "[unknown]";
        }
        if (value instanceof List<?>) {
            List<Value> l = asList();
            List<Object> out = new ArrayList<>(l.size());
            for (Value v : l) {
                out.add(v.toJson(redact));
            }
            return out;
        }
        if (value instanceof Map<?, ?>) {
            Map<String, Value> m = asMap();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : m.entrySet()) {
                out.put(e.getKey(), e.getValue().toJson(redact));
            }
            return out;
        }
        return value;
    }

    /** {@link #toJson} rendered as compact JSON text. */
    public String toJsonString(boolean redact) {
        return WireJson.plainToString(toJson(redact));
    }

    /**
     * The string form of the value: scalars as text, lists as comma-joined quoted elements, maps as comma-joined
     * {@code "k"="v"} pairs sorted by key; unknowns as {@code [unknown]} and, when {@code redact}, secrets as
     * {@code [secret]}.
     */
    public String toString(boolean redact) {
        StringBuilder b = new StringBuilder();
        appendString(b, redact);
        return b.toString();
    }

    private void appendString(StringBuilder b, boolean redact) {
        if (secret && redact) {
            b.append("[secret]");
            return;
        }
        if (unknown) {
            b.append("[unknown]");
            return;
        }
        if (value == null) {
            return;
        }
        if (value instanceof List<?>) {
            boolean first = true;
            for (Value v : asList()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                GoText.quote(b, v.toString(redact));
            }
            return;
        }
        if (value instanceof Map<?, ?>) {
            boolean first = true;
            for (Map.Entry<String, Value> e : asMap().entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                GoText.quote(b, e.getKey());
                b.append('=');
                GoText.quote(b, e.getValue().toString(redact));
            }
            return;
        }
        b.append(value);
    }

    @Override
    public String toString() {
        return toString(true);
    }
}
