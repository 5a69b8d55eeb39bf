package dev.openesc.core.eval;

import dev.openesc.core.syntax.encoding.PathText;
import dev.openesc.core.schema.GoText;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    private boolean error(Loc loc, String msg) {
        diags.exprError(loc.x().syntax(), loc.prefix() ? loc.path() + ": " + msg : msg);
        return false;
    }

    private void warning(Loc loc, String msg) {
        diags.exprWarning(loc.x().syntax(), loc.prefix() ? loc.path() + ": " + msg : msg);
    }

    private static boolean isAny(Schema s) {
        return s == null || s.isAlways();
    }

    private static Schema ref(Schema s) {
        return s.hasRef() ? s.resolvedRef() : null;
    }

    // ---- values

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
        if (isAny(accept)) {
            return true;
        }
        if (accept.isNever()) {
            return false;
        }
        if (v.unknown) {
            boolean typeOk = validateSchemaType(v.schema, accept, loc);
            boolean taintOk = validateTaint(v, accept, loc, rotateOnlyInput);
            return typeOk && taintOk;
        }
        Schema r = ref(accept);
        boolean rok = r == null || validateElement(v, r, loc, rotateOnlyInput);
        boolean aok = validateAnyOf(v, accept, loc, rotateOnlyInput);
        boolean ook = validateOneOf(v, accept, loc, rotateOnlyInput);
        boolean cok = !accept.hasConst() || equalsConst(v, accept.constValue())
                || error(loc, "expected " + GoText.json(accept.constValue()));
        boolean eok = validateEnum(v, accept, loc);
        boolean tok = validateType(v, accept, loc);
        boolean nok = validateTaint(v, accept, loc, rotateOnlyInput);
        return rok && aok && ook && cok && eok && tok && nok;
    }

    private boolean validateAnyOf(EvalValue v, Schema accept, Loc loc, boolean ro) {
        if (accept.anyOf().isEmpty()) {
            return true;
        }
        boolean matched = false;
        List<dev.openesc.core.syntax.Diagnostic> all = new ArrayList<>();
        for (Schema s : accept.anyOf()) {
            Validator sub = new Validator();
            if (sub.validateElement(v, s, loc, ro)) {
                matched = true;
            }
            sub.diags.list.forEach(all::add);
        }
        if (!matched) {
            diags.addAll(all);
            return error(loc, "at least one subschema must match");
        }
        return true;
    }

    private boolean validateOneOf(EvalValue v, Schema accept, Loc loc, boolean ro) {
        if (accept.oneOf().isEmpty()) {
            return true;
        }
        boolean matched = false;
        List<dev.openesc.core.syntax.Diagnostic> all = new ArrayList<>();
        for (Schema s : accept.oneOf()) {
            Validator sub = new Validator();
            if (sub.validateElement(v, s, loc, ro)) {
                if (matched) {
                    return error(loc, "exactly one subschema may match");
                }
                matched = true;
            }
            sub.diags.list.forEach(all::add);
        }
        if (!matched) {
            diags.addAll(all);
            return error(loc, "exactly one subschema must match");
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
        if (values.size() == 1) {
            return error(loc, "expected " + GoText.json(values.get(0)));
        }
        return error(loc, "expected one of " + GoText.json(values));
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
        String t = accept.type();
        if (!t.isEmpty() && !actual.equals(t)) {
            return error(loc, "expected " + t + ", got " + actual);
        }
        return true;
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
            return checkType("number", accept, loc) && validateNumber(n, accept, loc);
        }
        if (r instanceof String s) {
            return checkType("string", accept, loc) && validateString(s, accept, loc);
        }
        if (r instanceof List<?>) {
            return checkType("array", accept, loc) && validateArray(v.list(), accept, loc);
        }
        return checkType("object", accept, loc) && validateObject(v, accept, loc);
    }

    private boolean validateNumber(JsonNumber num, Schema accept, Loc loc) {
        BigDecimal n = num.toBigDecimal();
        boolean ok = true;
        if (accept.multipleOf() != null) {
            BigDecimal m = accept.multipleOf().toBigDecimal();
            if (m.signum() != 0 && n.remainder(m).signum() != 0) {
                ok = error(loc, "expected a multiple of " + accept.multipleOf().text());
            }
        }
        if (accept.minimum() != null && n.compareTo(accept.minimum().toBigDecimal()) < 0) {
            ok = error(loc, "expected a number greater than or equal to " + accept.minimum().text());
        }
        if (accept.exclusiveMinimum() != null && n.compareTo(accept.exclusiveMinimum().toBigDecimal()) <= 0) {
            ok = error(loc, "expected a number greater than " + accept.exclusiveMinimum().text());
        }
        if (accept.maximum() != null && n.compareTo(accept.maximum().toBigDecimal()) > 0) {
            ok = error(loc, "expected a number less than or equal to" + accept.maximum().text());
        }
        if (accept.exclusiveMaximum() != null && n.compareTo(accept.exclusiveMaximum().toBigDecimal()) >= 0) {
            ok = error(loc, "expected a number less than " + accept.exclusiveMaximum().text());
        }
        return ok;
    }

    private boolean validateString(String s, Schema accept, Loc loc) {
        boolean ok = true;
        long len = s.getBytes(StandardCharsets.UTF_8).length;
        if (accept.minLength() != null && len < accept.minLength().toBigDecimal().longValue()) {
            ok = error(loc, "expected a string of at least length " + accept.minLength().text());
        }
        if (accept.maxLength() != null && len > accept.maxLength().toBigDecimal().longValue()) {
            ok = error(loc, "expected a string of at most length " + accept.maxLength().text());
        }
        if (!accept.pattern().isEmpty()) {
            boolean matches;
            try {
                matches = Pattern.compile(accept.pattern()).matcher(s).find();
            } catch (RuntimeException ex) {
                matches = true;
            }
            if (!matches) {
                ok = error(loc, "string must match the pattern " + GoText.quote(accept.pattern()));
            }
        }
        return ok;
    }

    private boolean validateArray(List<EvalValue> items, Schema accept, Loc loc) {
        boolean ok = true;
        if (accept.minItems() != null && items.size() < accept.minItems().toBigDecimal().longValue()) {
            ok = error(loc, "expected an array with at least " + accept.minItems().text() + " items");
        }
        if (accept.maxItems() != null && items.size() > accept.maxItems().toBigDecimal().longValue()) {
            ok = error(loc, "expected an array with at most " + accept.maxItems().text() + " items");
        }
        List<Schema> prefix = accept.prefixItems();
        for (int i = 0; i < items.size(); i++) {
            Schema s = i < prefix.size() ? prefix.get(i) : accept.items();
            if (!validateValue(items.get(i), s, false)) {
                ok = false;
            }
        }
        return ok;
    }

    private boolean validateObject(EvalValue v, Schema accept, Loc loc) {
        List<String> keys = v.keys();
        boolean ok = true;
        if (accept.minProperties() != null && keys.size() < accept.minProperties().toBigDecimal().longValue()) {
            ok = error(loc, "expected an object with at least " + accept.minProperties().text() + " properties");
        }
        if (accept.maxProperties() != null && keys.size() > accept.maxProperties().toBigDecimal().longValue()) {
            ok = error(loc, "expected an object with at most " + accept.maxProperties().text() + " properties");
        }
        Set<String> keySet = new HashSet<>(keys);
        for (String k : keys) {
            EvalValue kv = v.property(null, k);
            Schema p = accept.properties().get(k);
            if (p == null) {
                p = accept.additionalProperties();
            }
            if (!validateValue(kv, p, accept.hasRotateOnlyProperty(k))) {
                ok = false;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String k : accept.required()) {
            if (!keySet.contains(k)) {
                missing.add(k);
            }
        }
        for (Map.Entry<String, List<String>> e : new TreeMap<>(accept.dependentRequired()).entrySet()) {
            if (keySet.contains(e.getKey())) {
                for (String rk : e.getValue()) {
                    if (!keySet.contains(rk)) {
                        missing.add(rk);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            ok = error(loc, "missing required properties: " + String.join(", ", missing));
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

    // ---- schemas of unknown values

    private boolean validateSchemaType(Schema x, Schema accept, Loc loc) {
        if (isAny(accept)) {
            return true;
        }
        if (accept.isNever()) {
            return false;
        }
        if (isAny(x)) {
            return true;
        }
        if (x.isNever()) {
            return false;
        }
        Schema ar = ref(accept);
        Schema xr = ref(x);
        boolean refOk = ar == null || validateSchemaType(x, ar, loc);
        boolean xRefOk = xr == null || validateSchemaType(xr, accept, loc);
        boolean xAnyOk = anyMatches(x.anyOf(), accept, loc);
        boolean xOneOk = anyMatches(x.oneOf(), accept, loc);
        boolean typeOk = x.type().isEmpty() || checkType(x.type(), accept, loc);
        boolean anyOk = acceptAnyMatches(x, accept.anyOf(), loc);
        boolean oneOk = acceptAnyMatches(x, accept.oneOf(), loc);
        boolean complexOk = true;
        if ("array".equals(x.type())) {
            complexOk = validateSchemaArray(x, accept, loc);
        } else if ("object".equals(x.type())) {
            complexOk = validateSchemaObject(x, accept, loc);
        }
        return refOk && xRefOk && xAnyOk && xOneOk && typeOk && anyOk && oneOk && complexOk;
    }

    /** When the unknown value's schema is a union, at least one alternative must be accepted. */
    private boolean anyMatches(List<Schema> xs, Schema accept, Loc loc) {
        if (xs.isEmpty()) {
            return true;
        }
        boolean matched = false;
        List<dev.openesc.core.syntax.Diagnostic> all = new ArrayList<>();
        for (Schema x : xs) {
            Validator sub = new Validator();
            if (sub.validateSchemaType(x, accept, loc)) {
                matched = true;
            }
            sub.diags.list.forEach(all::add);
        }
        if (!matched) {
            diags.addAll(all);
            return error(loc, "at least one subschema must match");
        }
        return true;
    }

    private boolean acceptAnyMatches(Schema x, List<Schema> accepts, Loc loc) {
        if (accepts.isEmpty()) {
            return true;
        }
        boolean matched = false;
        List<dev.openesc.core.syntax.Diagnostic> all = new ArrayList<>();
        for (Schema a : accepts) {
            Validator sub = new Validator();
            if (sub.validateSchemaType(x, a, loc)) {
                matched = true;
            }
            sub.diags.list.forEach(all::add);
        }
        if (!matched) {
            diags.addAll(all);
            return error(loc, "at least one subschema must match");
        }
        return true;
    }

    private boolean validateSchemaArray(Schema x, Schema accept, Loc loc) {
        boolean ok = true;
        List<Schema> xp = x.prefixItems();
        List<Schema> ap = accept.prefixItems();
        int i = 0;
        for (; i < xp.size() && i < ap.size(); i++) {
            ok &= validateSchemaType(xp.get(i), ap.get(i), loc.index(i));
        }
        if (i < xp.size()) {
            for (; i < xp.size(); i++) {
                ok &= validateSchemaType(xp.get(i), accept.items(), loc.index(i));
            }
        } else if (i < ap.size()) {
            for (; i < ap.size(); i++) {
                ok &= validateSchemaType(x.items(), ap.get(i), loc.index(i));
            }
        }
        if (x.items() != null && !x.items().isNever()) {
            ok &= validateSchemaType(x.items(), accept.items(), loc);
        }
        return ok;
    }

    private boolean validateSchemaObject(Schema x, Schema accept, Loc loc) {
        boolean ok = true;
        for (Map.Entry<String, Schema> e : new TreeMap<>(x.properties()).entrySet()) {
            Schema pa = accept.properties().get(e.getKey());
            if (pa == null) {
                pa = accept.additionalProperties();
            }
            ok &= validateSchemaType(e.getValue(), pa, loc.property(e.getKey()));
        }
        if (x.additionalProperties() == null) {
            Set<String> xreq = new HashSet<>(x.required());
            ok &= checkRequired(accept.required(), xreq, loc);
            for (Map.Entry<String, List<String>> e : new TreeMap<>(accept.dependentRequired()).entrySet()) {
                if (xreq.contains(e.getKey())) {
                    ok &= checkRequired(e.getValue(), xreq, loc);
                }
            }
        } else if (!x.additionalProperties().isNever()) {
            ok &= validateSchemaType(x.additionalProperties(), accept.additionalProperties(), loc);
        }
        return ok;
    }

    private boolean checkRequired(List<String> required, Set<String> have, Loc loc) {
        boolean ok = true;
        for (String name : required) {
            if (!have.contains(name)) {
                error(loc.property(name), "missing required property");
                ok = false;
            }
        }
        return ok;
    }
}
