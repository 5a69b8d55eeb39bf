package dev.openesc.core.value;

import dev.openesc.core.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * An expression of an evaluated environment on the wire. Exactly one of the shape fields (literal, interpolate,
 * symbol, access, list, object, builtin) is normally set; a null literal and missing expressions set none. Maps are
 * serialised with sorted keys.
 */
public record Expr(
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

    public Expr {
        range = range == null ? Range.NONE : range;
    }

    /** A builder-style starting point: only the range, schema and base. */
    public static Expr of(Range range, Schema schema, Expr base) {
        return new Expr(range, schema, base, null, null, null, null, null, null, null, null);
    }

    public Expr withLiteral(Object literal) {
        return new Expr(range, schema, base, keyRanges, literal, interpolate, symbol, access, list, object, builtin);
    }

    public Expr withInterpolate(List<Interpolation> parts) {
        return new Expr(range, schema, base, keyRanges, literal, parts, symbol, access, list, object, builtin);
    }

    public Expr withSymbol(List<PropertyAccessor> accessors) {
        return new Expr(range, schema, base, keyRanges, literal, interpolate, accessors, access, list, object, builtin);
    }

    public Expr withAccess(AccessExpr a) {
        return new Expr(range, schema, base, keyRanges, literal, interpolate, symbol, a, list, object, builtin);
    }

    public Expr withList(List<Expr> elements) {
        return new Expr(range, schema, base, keyRanges, literal, interpolate, symbol, access, elements, object, builtin);
    }

    public Expr withObject(Map<String, Range> keys, Map<String, Expr> properties) {
        return new Expr(range, schema, base, keys, literal, interpolate, symbol, access, list, properties, builtin);
    }

    public Expr withBuiltin(BuiltinExpr b) {
        return new Expr(range, schema, base, keyRanges, literal, interpolate, symbol, access, list, object, b);
    }
}
