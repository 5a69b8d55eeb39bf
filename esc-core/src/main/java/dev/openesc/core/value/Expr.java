package dev.openesc.core.value;

import dev.openesc.core.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression of an evaluated environment on the wire. Exactly one of the shape fields (literal, interpolate,
 * symbol, access, list, object, builtin) is normally set; a null literal and missing expressions set none. Maps are
 * serialised with sorted keys.
 *
 * <p>The members, equality, hash and text are those of the record of (range, schema, base, keyRanges, literal,
 * interpolate, symbol, access, list, object, builtin) it was; only the layout differs. An evaluated environment
 * has an expression per value, and the record's eleven fields were 56 bytes each, seven of them almost always
 * null: the shape set is held in one field beside a byte naming it (32 bytes), and the rare expression with more
 * than one set (an object with its key ranges, or anything built field by field) keeps them in an array. See
 * docs/decisions.md, entry 36.
 */
public sealed class Expr permits Expr.OneKeyInterpolated {
    // which shape field the one shape slot holds: the index of that component among the eight below, plus one
    private static final byte NONE = 0;
    private static final byte KEY_RANGES = 1;
    private static final byte LITERAL = 2;
    private static final byte INTERPOLATE = 3;
    private static final byte SYMBOL = 4;
    private static final byte ACCESS = 5;
    private static final byte LIST = 6;
    private static final byte OBJECT = 7;
    private static final byte BUILTIN = 8;
    /** An object with its key ranges: the slot is {keyRanges, object}. */
    private static final byte OBJECT_WITH_KEYS = 9;
    /** Any other combination: the slot holds all eight fields in component order. */
    private static final byte SEVERAL = 10;

    /** The wire range, or the syntax range it is the wire form of (made when read). */
    private final Object range;
    private final Schema schema;
    private final Expr base;
    private final Object shape;
    private final byte kind;

    public Expr(
            Range range,
            Schema schema,
            Expr base,
            Map<String, Range> keyRanges,
            Object literal,
            List<Interpolation> interpolate,
            List<PropertyAccessor> symbol,
            AccessExpr access,
            List<Expr> list,
            Map<String, Expr> object,
            BuiltinExpr builtin) {
        this.range = range == null ? Range.NONE : range;
        this.schema = schema;
        this.base = base;
        // counted without an array: one per expression would be garbage in most cases
        int set = (keyRanges != null ? 1 : 0) + (literal != null ? 1 : 0) + (interpolate != null ? 1 : 0)
                + (symbol != null ? 1 : 0) + (access != null ? 1 : 0) + (list != null ? 1 : 0)
                + (object != null ? 1 : 0) + (builtin != null ? 1 : 0);
        if (set == 0) {
            this.kind = NONE;
            this.shape = null;
        } else if (set == 1) {
            this.kind = keyRanges != null ? KEY_RANGES : literal != null ? LITERAL : interpolate != null ? INTERPOLATE
                    : symbol != null ? SYMBOL : access != null ? ACCESS : list != null ? LIST : object != null ? OBJECT
                    : BUILTIN;
            this.shape = keyRanges != null ? keyRanges : literal != null ? literal : interpolate != null ? interpolate
                    : symbol != null ? symbol : access != null ? access : list != null ? list : object != null ? object
                    : builtin;
        } else if (set == 2 && keyRanges != null && object != null) {
            this.kind = OBJECT_WITH_KEYS;
            this.shape = new Object[] {keyRanges, object};
        } else {
            this.kind = SEVERAL;
            this.shape = new Object[] {keyRanges, literal, interpolate, symbol, access, list, object, builtin};
        }
    }

    /**
     * An interpolated string of one text followed by a reference of one key: equal in every respect to
     * {@code of(range, schema, base).withInterpolate(Interpolation.ofOneKey(text, key, keyRange, value))}, held as
     * one object of 48 bytes instead of two of 32 (the commonest expression of a large environment).
     */
    public static Expr ofOneKeyInterpolation(Range range, Schema schema, Expr base, String text, String key,
            Range keyRange, Range value) {
        return new OneKeyInterpolated(range, schema, base, text, key, keyRange, value);
    }

    /**
     * {@link #ofOneKeyInterpolation(Range, Schema, Expr, String, String, Range, Range)} with the expression's and the
     * key's ranges given as the syntax ranges whose wire forms they are ({@link Range#from}), made when read: the
     * exporter no longer keeps a wire range on every syntax range it exports (docs/decisions.md, entry 36).
     */
    public static Expr ofOneKeyInterpolation(dev.openesc.core.syntax.Range range, Schema schema, Expr base,
            String text, String key, dev.openesc.core.syntax.Range keyRange, Range value) {
        return new OneKeyInterpolated(Objects.requireNonNull(range, "range"), schema, base, text, key,
                Objects.requireNonNull(keyRange, "keyRange"), value);
    }

    /** See {@link #ofOneKeyInterpolation}; its parts are made when read, as {@link OneKeyInterpolation}'s are. */
    static final class OneKeyInterpolated extends Expr {
        private final String text;
        private final String key;
        /** A wire range or the syntax range it is the wire form of. */
        private final Object keyRange;
        private final Range value;

        OneKeyInterpolated(Object range, Schema schema, Expr base, String text, String key, Object keyRange,
                Range value) {
            super(range, schema, base);
            this.text = Objects.requireNonNull(text, "text");
            this.key = Objects.requireNonNull(key, "key");
            this.keyRange = keyRange;
            this.value = value;
        }

        @Override
        public List<Interpolation> interpolate() {
            Range key = keyRange instanceof Range r ? r : Range.wireFormOf((dev.openesc.core.syntax.Range) keyRange);
            return new OneKeyInterpolation(text, this.key, key, value);
        }
    }

    /** An expression of no shape whose range may be a syntax range (see {@link OneKeyInterpolated}). */
    private Expr(Object range, Schema schema, Expr base) {
        this.range = range == null ? Range.NONE : range;
        this.schema = schema;
        this.base = base;
        this.kind = NONE;
        this.shape = null;
    }

    /** A builder-style starting point: only the range, schema and base. */
    public static Expr of(Range range, Schema schema, Expr base) {
        return new Expr(range, schema, base, null, null, null, null, null, null, null, null);
    }

    /** The shape field of component index {@code kindOf} (one of the kind constants), or null when not set. */
    private Object field(byte kindOf) {
        if (kind == kindOf) {
            return shape;
        }
        if (kind == OBJECT_WITH_KEYS) {
            Object[] pair = (Object[]) shape;
            return kindOf == KEY_RANGES ? pair[0] : kindOf == OBJECT ? pair[1] : null;
        }
        if (kind == SEVERAL) {
            return ((Object[]) shape)[kindOf - 1];
        }
        return null;
    }

    public Range range() {
        return range instanceof Range r ? r : Range.wireFormOf((dev.openesc.core.syntax.Range) range);
    }

    public Schema schema() {
        return schema;
    }

    public Expr base() {
        return base;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Range> keyRanges() {
        return (Map<String, Range>) field(KEY_RANGES);
    }

    public Object literal() {
        return field(LITERAL);
    }

    @SuppressWarnings("unchecked")
    public List<Interpolation> interpolate() {
        return (List<Interpolation>) field(INTERPOLATE);
    }

    @SuppressWarnings("unchecked")
    public List<PropertyAccessor> symbol() {
        return (List<PropertyAccessor>) field(SYMBOL);
    }

    public AccessExpr access() {
        return (AccessExpr) field(ACCESS);
    }

    @SuppressWarnings("unchecked")
    public List<Expr> list() {
        return (List<Expr>) field(LIST);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Expr> object() {
        return (Map<String, Expr>) field(OBJECT);
    }

    public BuiltinExpr builtin() {
        return (BuiltinExpr) field(BUILTIN);
    }

    public Expr withLiteral(Object literal) {
        return new Expr(range(), schema, base, keyRanges(), literal, interpolate(), symbol(), access(), list(), object(),
                builtin());
    }

    public Expr withInterpolate(List<Interpolation> parts) {
        return new Expr(range(), schema, base, keyRanges(), literal(), parts, symbol(), access(), list(), object(),
                builtin());
    }

    public Expr withSymbol(List<PropertyAccessor> accessors) {
        return new Expr(range(), schema, base, keyRanges(), literal(), interpolate(), accessors, access(), list(),
                object(), builtin());
    }

    public Expr withAccess(AccessExpr a) {
        return new Expr(range(), schema, base, keyRanges(), literal(), interpolate(), symbol(), a, list(), object(),
                builtin());
    }

    public Expr withList(List<Expr> elements) {
        return new Expr(range(), schema, base, keyRanges(), literal(), interpolate(), symbol(), access(), elements,
                object(), builtin());
    }

    public Expr withObject(Map<String, Range> keys, Map<String, Expr> properties) {
        return new Expr(range(), schema, base, keys, literal(), interpolate(), symbol(), access(), list(), properties,
                builtin());
    }

    public Expr withBuiltin(BuiltinExpr b) {
        return new Expr(range(), schema, base, keyRanges(), literal(), interpolate(), symbol(), access(), list(),
                object(), b);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Expr x && range().equals(x.range()) && Objects.equals(schema, x.schema)
                && Objects.equals(base, x.base) && Objects.equals(keyRanges(), x.keyRanges())
                && Objects.equals(literal(), x.literal()) && Objects.equals(interpolate(), x.interpolate())
                && Objects.equals(symbol(), x.symbol()) && Objects.equals(access(), x.access())
                && Objects.equals(list(), x.list()) && Objects.equals(object(), x.object())
                && Objects.equals(builtin(), x.builtin());
    }

    @Override
    public int hashCode() {
        return Objects.hash(range(), schema, base, keyRanges(), literal(), interpolate(), symbol(), access(), list(),
                object(), builtin());
    }

    /** The text the record printed. */
    @Override
    public String toString() {
        return "Expr[range=" + range() + ", schema=" + schema + ", base=" + base + ", keyRanges=" + keyRanges()
                + ", literal=" + literal() + ", interpolate=" + interpolate() + ", symbol=" + symbol() + ", access="
                + access() + ", list=" + list() + ", object=" + object() + ", builtin=" + builtin() + "]";
    }
}
