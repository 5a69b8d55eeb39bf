package dev.openesc.core.eval;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.schema.SchemaCompatibility;
import dev.openesc.core.schema.ValueConstraints;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.encoding.PathText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks evaluated values (and, for unknown values, their schemas) against the schema a builtin or provider accepts.
 * Problems are reported on the expression that defined the offending value; when validating an unknown value's
 * schema they are reported on the nearest literal, with a relative path prefix otherwise.
 */
final class Validator {
    final Diags diags = new Diags();

    /** Where to report: the defining expression and, when it is not a literal container, a relative path. */
    record Loc(ExprNode x, String path, boolean prefix) {
        static Loc of(ExprNode x) {
            return new Loc(x, "", false);
        }

        Loc index(int i) {
            if (x.repr instanceof Repr.Array a && i < a.elements().size()) {
                return new Loc(a.elements().get(i), "[" + i + "]", false);
            }
            return new Loc(x, path + "[" + i + "]", true);
        }

        Loc property(String k) {
            if (x.repr instanceof Repr.ObjectRepr o && o.properties().containsKey(k)) {
                return new Loc(o.properties().get(k), PathText.joinKey("", k), false);
            }
            return new Loc(x, PathText.joinKey(path, k), true);
        }
    }

    /** Schema-to-schema checks blame the same places as value checks: literal elements, else a path prefix. */
    private static final SchemaCompatibility.Locations<Loc> LOCATIONS = new SchemaCompatibility.Locations<>() {
        @Override
        public Loc index(Loc at, int index) {
            return at.index(index);
        }

        @Override
        public Loc property(Loc at, String name) {
            return at.property(name);
        }
    };

    private boolean error(Loc loc, String msg) {
        diags.exprError(loc.x().syntax(), loc.prefix() ? loc.path() + ": " + msg : msg);
        return false;
    }

    /** Reports each message at {@code loc}; true when there are none. */
    private boolean errors(Loc loc, List<String> messages) {
        messages.forEach(m -> error(loc, m));
        return messages.isEmpty();
    }

    boolean validateValue(EvalValue v, Schema accept, boolean rotateOnlyInput) {
        return validateElement(v, accept, Loc.of(v.def), rotateOnlyInput);
    }

    private boolean validateElement(EvalValue v, Schema accept, Loc loc, boolean rotateOnlyInput) {
        if (accept != null) {
            String err = SchemaOps.compile(accept);
            if (err != null) {
                return error(loc, "internal error: invalid schema: " + err);
            }
        }
        if (SchemaOps.isAlways(accept)) {
            return true;
        }
        if (accept.isNever()) {
            return false;
        }
        if (v.unknown) {
            // only the schema of an unknown value is known: check that accept admits everything it describes
            SchemaCompatibility.Result<Loc> compatible = SchemaCompatibility.check(v.schema, accept, loc, LOCATIONS);
            compatible.problems().forEach(p -> error(p.location(), p.message()));
            boolean taintOk = validateTaint(v, accept, loc, rotateOnlyInput);
            return compatible.ok() && taintOk;
        }
        // every clause is evaluated (no short circuit) so that all problems are reported
        Schema r = accept.resolvedRef();
        boolean rok = r == null || validateElement(v, r, loc, rotateOnlyInput);
        boolean aok = validateAlternatives(v, accept.anyOf(), false, loc, rotateOnlyInput);
        boolean ook = validateAlternatives(v, accept.oneOf(), true, loc, rotateOnlyInput);
        boolean cok = !accept.hasConst() || equalsConst(v, accept.constValue())
                || error(loc, ValueConstraints.constMismatch(accept.constValue()));
        boolean eok = validateEnum(v, accept, loc);
        boolean tok = validateType(v, accept, loc);
        boolean nok = validateTaint(v, accept, loc, rotateOnlyInput);
        return rok && aok && ook && cok && eok && tok && nok;
    }

    /**
     * anyOf ({@code exactlyOne} false) or oneOf: each alternative is tried in a separate report, whose problems are
     * kept only when no alternative matches.
     */
    private boolean validateAlternatives(EvalValue v, List<Schema> alternatives, boolean exactlyOne, Loc loc,
            boolean rotateOnlyInput) {
        if (alternatives.isEmpty()) {
            return true;
        }
        boolean matched = false;
        List<Diagnostic> all = new ArrayList<>();
        for (Schema s : alternatives) {
            Validator sub = new Validator();
            if (sub.validateElement(v, s, loc, rotateOnlyInput)) {
                if (matched && exactlyOne) {
                    return error(loc, "exactly one subschema may match");
                }
                matched = true;
            }
            sub.diags.list.forEach(all::add);
        }
        if (!matched) {
            diags.addAll(all);
            return error(loc, exactlyOne ? "exactly one subschema must match" : "at least one subschema must match");
        }
        return true;
    }

    private boolean validateEnum(EvalValue v, Schema accept, Loc loc) {
        List<Object> values = accept.enumValues();
        if (values.isEmpty()) {
            return true;
        }
        for (Object c : values) {
            if (equalsConst(v, c)) {
                return true;
            }
        }
        return error(loc, ValueConstraints.enumMismatch(values));
    }

    static boolean equalsConst(EvalValue v, Object c) {
        if (c == null) {
            return v.repr == null;
        }
        if (c instanceof Boolean || c instanceof String || c instanceof JsonNumber) {
            return c.equals(v.repr);
        }
        if (c instanceof List<?> l) {
            List<EvalValue> a = v.list();
            if (a == null || a.size() != l.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equalsConst(a.get(i), l.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof Map<?, ?> m) {
            Map<String, EvalValue> a = v.map();
            if (a == null || a.size() != m.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                EvalValue p = a.get(String.valueOf(e.getKey()));
                if (p == null || !equalsConst(p, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private boolean checkType(String actual, Schema accept, Loc loc) {
        return ValueConstraints.typeAccepts(accept, actual)
                || error(loc, ValueConstraints.typeMismatch(accept.type(), actual));
    }

    private boolean validateType(EvalValue v, Schema accept, Loc loc) {
        Object r = v.repr;
        if (r == null) {
            return checkType("null", accept, loc);
        }
        if (r instanceof Boolean) {
            return checkType("boolean", accept, loc);
        }
        if (r instanceof JsonNumber n) {
            return checkType("number", accept, loc) && errors(loc, ValueConstraints.checkNumber(accept, n));
        }
        if (r instanceof String s) {
            return checkType("string", accept, loc) && errors(loc, ValueConstraints.checkString(accept, s));
        }
        if (r instanceof List<?>) {
            return checkType("array", accept, loc) && validateArray(v.list(), accept, loc);
        }
        return checkType("object", accept, loc) && validateObject(v, accept, loc);
    }

    private boolean validateArray(List<EvalValue> items, Schema accept, Loc loc) {
        boolean ok = errors(loc, ValueConstraints.checkArraySize(accept, items.size()));
        for (int i = 0; i < items.size(); i++) {
            // as in the reference, elements are blamed on their own definitions, not on loc.index(i)
            ok &= validateValue(items.get(i), ValueConstraints.elementSchema(accept, i), false);
        }
        return ok;
    }

    private boolean validateObject(EvalValue v, Schema accept, Loc loc) {
        List<String> keys = v.keys();
        boolean ok = errors(loc, ValueConstraints.checkObjectSize(accept, keys.size()));
        for (String k : keys) {
            ok &= validateValue(v.property(null, k), ValueConstraints.propertySchema(accept, k),
                    accept.hasRotateOnlyProperty(k));
        }
        String missing = ValueConstraints.missingPropertiesMessage(
                ValueConstraints.missingProperties(accept, new HashSet<>(keys)));
        if (missing != null) {
            ok = error(loc, missing);
        }
        return ok;
    }

    private boolean validateTaint(EvalValue v, Schema accept, Loc loc, boolean rotateOnlyInput) {
        boolean ok = true;
        if (!rotateOnlyInput && v.rotateOnly) {
            ok = error(loc, "rotateOnly values cannot be used outside of rotateOnly inputs");
        }
        if (accept.secret() && !v.secret) {
            ok = error(loc, "expected secret");
        }
        return ok;
    }
}
