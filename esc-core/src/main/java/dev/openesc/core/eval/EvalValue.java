package dev.openesc.core.eval;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.schema.GoText;
import dev.openesc.core.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The result of evaluating an {@link ExprNode}. A value may have a base: the imported value it is merged over with
 * JSON-merge-patch semantics, so object keys and properties must be read through {@link #keys()} and
 * {@link #property}, never from the raw map. The payload is null, Boolean, JsonNumber, String,
 * {@code List<EvalValue>} or {@code Map<String, EvalValue>}.
 */
final class EvalValue {
    ExprNode def;
    EvalValue base;
    Schema schema;

    boolean unknown;
    boolean secret;
    /** Tainted by a rotate-only import: may only flow into rotate-only inputs. */
    boolean rotateOnly;
    /** Produced by {@code fn::final}: importers may not override it. */
    boolean isFinal;

    Object repr;

    private List<String> mergedKeys;
    /** Memo of the merged properties, aligned with {@link #mergedKeys}; made only for deep chains. */
    private EvalValue[] mergedValues;
    Value exported;
    boolean exporting;

    EvalValue(ExprNode def, Schema schema) {
        this.def = def;
        this.schema = schema;
    }

    static EvalValue unknown(ExprNode def, Schema schema) {
        EvalValue v = new EvalValue(def, schema);
        v.unknown = true;
        return v;
    }

    @SuppressWarnings("unchecked")
    List<EvalValue> list() {
        return repr instanceof List<?> l ? (List<EvalValue>) l : null;
    }

    @SuppressWarnings("unchecked")
    Map<String, EvalValue> map() {
        return repr instanceof Map<?, ?> m ? (Map<String, EvalValue>) m : null;
    }

    /** Calls {@code f} on this value and every value inside it (through merged properties). */
    void walk(Consumer<EvalValue> f) {
        f.accept(this);
        if (repr instanceof List<?>) {
            for (EvalValue e : list()) {
                e.walk(f);
            }
        } else if (repr instanceof Map<?, ?>) {
            EvalValue[] properties = alignedProperties();
            if (properties != null) {
                for (EvalValue p : properties) {
                    p.walk(f);
                }
                return;
            }
            for (String k : keys()) {
                property(def.syntax(), k).walk(f);
            }
        }
    }

    boolean containsUnknowns() {
        return contains(true);
    }

    boolean containsSecrets() {
        return contains(false);
    }

    /** Whether this value or any value inside it is unknown ({@code unknowns}) or secret (otherwise). */
    private boolean contains(boolean unknowns) {
        if (unknowns ? unknown : secret) {
            return true;
        }
        if (repr instanceof List<?>) {
            for (EvalValue e : list()) {
                if (e.contains(unknowns)) {
                    return true;
                }
            }
        } else if (repr instanceof Map<?, ?>) {
            EvalValue[] properties = alignedProperties();
            if (properties != null) {
                for (EvalValue p : properties) {
                    if (p.contains(unknowns)) {
                        return true;
                    }
                }
                return false;
            }
            for (String k : keys()) {
                if (property(def.syntax(), k).contains(unknowns)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if this value is, or (being unknown) may be, an object. */
    static boolean isObject(EvalValue v) {
        if (v == null) {
            return false;
        }
        if (v.unknown) {
            return SchemaOps.isAlways(v.schema) || "object".equals(SchemaOps.type(v.schema));
        }
        return v.repr instanceof Map<?, ?>;
    }

    /** Identity, extended to late-bound accesses of the same property of the same unknown receiver. */
    boolean is(EvalValue other) {
        if (this == other) {
            return true;
        }
        if (unknown && other.unknown && def.repr instanceof Repr.Access a && other.def.repr instanceof Repr.Access b) {
            return a.key().equals(b.key()) && a.receiver().is(b.receiver());
        }
        return false;
    }

    /** Applies the unknown-ness and secret-ness of the inputs of an aggregate to this value. */
    void combine(EvalValue... others) {
        for (EvalValue o : others) {
            unknown = containsUnknowns() || o.containsUnknowns();
            secret = containsSecrets() || o.containsSecrets();
        }
    }

    /**
     * The object keys merged with the keys of the base chain, sorted; empty for non-objects. The chain is walked
     * iteratively (no recursion on a long chain) and every level on it memoises its merged keys: exporting a value
     * exports its base's trace, asking each level of the chain in turn, and memoising only the top made that
     * quadratic in the chain's depth (each of the 26 imports of the corpus fixture's shared objects merged all the
     * levels below it again, a visible share of a pass).
     */
    List<String> keys() {
        if (mergedKeys == null) {
            Map<String, EvalValue> m = map();
            if (m == null) {
                return List.of();
            }
            // the levels of the object chain down to the first one whose keys are known (or the last object)
            List<EvalValue> levels = new ArrayList<>();
            EvalValue c = this;
            while (true) {
                levels.add(c);
                if (c.mergedKeys != null || c.base == null || c.base.map() == null) {
                    break;
                }
                c = c.base;
            }
            List<String> merged = null;
            for (int i = levels.size() - 1; i >= 0; i--) {
                EvalValue level = levels.get(i);
                List<String> own = level.mergedKeys != null ? level.mergedKeys : SortedMerge.sortedKeys(level.map());
                merged = merged == null ? own : SortedMerge.union(own, merged);
                level.mergedKeys = merged;
            }
        }
        return mergedKeys;
    }

    /** Below this many object levels, asking {@link #property} key by key is cheaper than {@link #deepProperties}. */
    private static final int DEEP_CHAIN = 4;

    /**
     * From this many keys on, an object's properties are read from the aligned array even when its chain is
     * shallow: asking per key is a hash lookup per property (for the 100,000-property root of a large environment,
     * each likely a cache miss, several times per pass), the array is built without any.
     */
    private static final int LARGE_OBJECT = 256;

    /**
     * Every property of this object under merge-patch semantics, aligned with {@link #keys} and memoised; callers
     * must not write to it. Null when the object is small and its chain shallow (or the chain ends in a value that
     * is not a known object): callers then ask {@link #property} per key. Asking per key walks the chain once per
     * key: an object merged from 26 imports, and each of its levels exported in turn as the trace's base, made
     * that cubic in the depth.
     */
    EvalValue[] alignedProperties() {
        int depth = 0;
        for (EvalValue c = this; c != null; c = c.base) {
            if (c.map() == null) {
                return null;
            }
            depth++;
        }
        if (depth < DEEP_CHAIN && keys().size() < LARGE_OBJECT) {
            return null;
        }
        return mergedValues();
    }

    /**
     * {@link #alignedProperties} in a new array, typed Object[]: the exporter replaces the properties in it by their
     * exported values and keeps it.
     */
    Object[] deepProperties() {
        EvalValue[] merged = alignedProperties();
        return merged == null ? null : java.util.Arrays.copyOf(merged, merged.length, Object[].class);
    }

    /**
     * The merged properties aligned with {@link #keys}, memoised at every level of the chain like the keys: each
     * level merges its own properties over the level below's array in one pass over the two sorted key lists.
     * Only for chains of objects (see {@link #alignedProperties}).
     */
    private EvalValue[] mergedValues() {
        if (mergedValues != null) {
            return mergedValues;
        }
        List<EvalValue> levels = new ArrayList<>();
        for (EvalValue c = this; ; c = c.base) {
            levels.add(c);
            if (c.mergedValues != null || c.base == null) {
                break;
            }
        }
        EvalValue[] below = null;
        for (int i = levels.size() - 1; i >= 0; i--) {
            EvalValue level = levels.get(i);
            if (level.mergedValues == null) {
                List<String> keys = level.keys();
                List<String> belowKeys = below == null ? List.of() : level.base.keys();
                Map<String, EvalValue> own = level.map();
                EvalValue[] values = new EvalValue[keys.size()];
                if (!SortedMerge.fillInKeyOrder(own, keys, belowKeys, below, values)) {
                    SortedMerge.fillByLookup(own, keys, belowKeys, below, values);
                }
                level.mergedValues = values;
            }
            below = level.mergedValues;
        }
        return mergedValues;
    }

    /** Forgets memoised keys after the payload map changed. */
    void invalidateKeys() {
        mergedKeys = null;
        mergedValues = null;
    }

    /**
     * The named property under merge-patch semantics: own property, else the base's. For an unknown receiver, a
     * late-bound unknown access.
     */
    EvalValue property(dev.openesc.core.ast.Expr syntax, String key) {
        return property(syntax, null, key);
    }

    /**
     * {@link #property(dev.openesc.core.ast.Expr, String)} for the key of a declared entry, whose literal is made
     * only when an unknown level needs it as the access's syntax: a parsed entry makes its key when asked
     * (decisions.md, entry 31), and the declarer asks every base for every key of an object.
     */
    EvalValue propertyOf(dev.openesc.core.ast.ObjectProperty entry, String key) {
        return property(null, entry, key);
    }

    /** The look-up of both: the access's syntax is {@code syntax}, or else {@code entry}'s key when there is one. */
    private EvalValue property(dev.openesc.core.ast.Expr syntax, dev.openesc.core.ast.ObjectProperty entry,
            String key) {
        Map<String, EvalValue> m = map();
        if (m != null) {
            // walk the chain of object bases iteratively
            EvalValue c = this;
            while (true) {
                EvalValue own = m.get(key);
                if (own != null) {
                    return own;
                }
                if (c.base == null) {
                    return null;
                }
                if (c.base.map() == null) {
                    return c.base.property(syntax, entry, key);
                }
                c = c.base;
                m = c.map();
            }
        }
        if (unknown) {
            dev.openesc.core.ast.Expr at = syntax == null && entry != null ? entry.key() : syntax;
            Schema s = SchemaOps.property(schema, key);
            EvalValue b = base == null ? null : base.property(at, key);
            ExprNode x = ExprNode.done(new Repr.Access(at, this, key), s);
            x.base = b;
            EvalValue v = unknown(x, s);
            v.base = b;
            return v;
        }
        return null;
    }

    /** Merges this value over {@code newBase} (mutating: callers copy first). */
    void merge(EvalValue newBase) {
        if (newBase == null || is(newBase)) {
            return;
        }
        if (base != null) {
            base.merge(newBase);
        } else {
            base = newBase;
        }
        mergedKeys = null;
        mergedValues = null;
        Map<String, EvalValue> m = map();
        if (m != null) {
            // only for large objects: listing the base's keys costs more than asking it for a few own keys
            List<String> baseKeys = m.size() < LARGE_OBJECT ? null : knownObjectKeys(base);
            if (baseKeys != null && baseKeys.size() < m.size()) {
                mergeOverFewer(m, baseKeys);
            } else {
                for (Map.Entry<String, EvalValue> e : m.entrySet()) {
                    e.getValue().merge(base.property(e.getValue().def.syntax(), e.getKey()));
                }
            }
        }
        schema = SchemaOps.merged(base.schema, schema);
    }

    /**
     * The keys of {@code v} when it and every level below it are known objects, else null. For such a chain
     * {@link #property} is null for every other key, so merging an object over it changes only the properties of
     * those keys.
     */
    private static List<String> knownObjectKeys(EvalValue v) {
        for (EvalValue c = v; c != null; c = c.base) {
            if (c.map() == null) {
                return null;
            }
        }
        return v.keys();
    }

    /**
     * Merges the own properties that the base has, found by the base's (fewer) keys: an environment of 100,000
     * values over a few imported ones asked the base for every one of its own keys, each a hash lookup that
     * missed, and its map's entry set made an entry object per property. The properties merged are the same, in
     * key order (each merge changes only its own property).
     */
    private void mergeOverFewer(Map<String, EvalValue> m, List<String> baseKeys) {
        for (String k : baseKeys) {
            EvalValue own = m.get(k);
            if (own != null) {
                own.merge(base.property(own.def.syntax(), k));
            }
        }
    }

    /** The string form used by interpolation and fn::toString. */
    record Str(String text, boolean unknown, boolean secret, boolean rotateOnly) {}

    Str toStr() {
        if (unknown) {
            return new Str("[unknown]", true, secret, rotateOnly);
        }
        if (repr instanceof String text) {
            // the common case (a string interpolated into another) needs no copy
            return new Str(text, false, secret, rotateOnly);
        }
        StringBuilder b = new StringBuilder();
        boolean[] flags = {false, secret, rotateOnly};
        appendStr(b, flags);
        return new Str(b.toString(), flags[0], flags[1], flags[2]);
    }

    private void appendStr(StringBuilder b, boolean[] flags) {
        if (repr instanceof Boolean bool) {
            b.append(bool ? "true" : "false");
        } else if (repr instanceof JsonNumber n) {
            b.append(n.text());
        } else if (repr instanceof String s) {
            b.append(s);
        } else if (repr instanceof List<?>) {
            boolean first = true;
            for (EvalValue e : list()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                Str s = e.toStr();
                GoText.quote(b, s.text());
                flags[0] |= s.unknown();
                flags[1] |= s.secret();
                flags[2] |= s.rotateOnly();
            }
        } else if (repr instanceof Map<?, ?>) {
            boolean first = true;
            for (Map.Entry<String, EvalValue> e : new TreeMap<>(map()).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                Str s = e.getValue().toStr();
                GoText.quote(b, e.getKey());
                b.append('=');
                GoText.quote(b, s.text());
                flags[0] |= s.unknown();
                flags[1] |= s.secret();
                flags[2] |= s.rotateOnly();
            }
        }
    }

    /** Deep copies of values, preserving sharing (and cycles) within one copy operation. */
    static final class Copier {
        // small to start: most copies are of an import's property (a few values), made once per merge; the
        // default table (64 slots) was most of what such a copy allocated
        private final IdentityHashMap<EvalValue, EvalValue> memo = new IdentityHashMap<>(4);

        EvalValue copy(EvalValue v) {
            if (v == null) {
                return null;
            }
            EvalValue done = memo.get(v);
            if (done != null) {
                return done;
            }
            EvalValue c = new EvalValue(v.def, v.schema);
            memo.put(v, c);
            if (v.repr instanceof List<?>) {
                List<EvalValue> src = v.list();
                List<EvalValue> out = new ArrayList<>(src.size());
                for (EvalValue e : src) {
                    out.add(copy(e));
                }
                c.repr = out;
            } else if (v.repr instanceof Map<?, ?>) {
                Map<String, EvalValue> src = v.map();
                Map<String, EvalValue> out = new java.util.HashMap<>(src.size() * 2);
                for (Map.Entry<String, EvalValue> e : src.entrySet()) {
                    out.put(e.getKey(), copy(e.getValue()));
                }
                c.repr = out;
            } else {
                c.repr = v.repr;
            }
            c.base = copy(v.base);
            c.unknown = v.unknown;
            c.secret = v.secret;
            c.rotateOnly = v.rotateOnly;
            c.isFinal = v.isFinal;
            return c;
        }
    }

    static EvalValue copyOf(EvalValue v) {
        if (v != null && v.base == null && !(v.repr instanceof List<?>) && !(v.repr instanceof Map<?, ?>)) {
            // scalars without a base have nothing to share: skip the memo table
            EvalValue c = new EvalValue(v.def, v.schema);
            c.repr = v.repr;
            c.unknown = v.unknown;
            c.secret = v.secret;
            c.rotateOnly = v.rotateOnly;
            c.isFinal = v.isFinal;
            return c;
        }
        return new Copier().copy(v);
    }
}
