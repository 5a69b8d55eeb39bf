package dev.openesc.core.eval;

import dev.openesc.core.ast.PropertyAccessor;
import dev.openesc.core.ast.PropertyIndexSubscript;
import dev.openesc.core.ast.PropertyKeySubscript;
import dev.openesc.core.ast.PropertyName;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.Accessor;
import dev.openesc.core.value.AccessExpr;
import dev.openesc.core.value.BuiltinExpr;
import dev.openesc.core.value.Expr;
import dev.openesc.core.value.Interpolation;
import dev.openesc.core.value.Range;
import dev.openesc.core.value.SortedKeyMap;
import dev.openesc.core.value.Trace;
import dev.openesc.core.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Converts evaluation results to the wire model ({@link Expr}, {@link Value}). */
final class Exporter {
    private Exporter() {}

    /**
     * The wire range of an expression: its source range's ({@link Range#from}, kept on the syntax range), else one
     * naming the environment it is exported for.
     */
    static Range defRange(ExprNode x, String environment) {
        return Range.from(Diags.rangeOf(x.syntax()), environment);
    }

    /**
     * The exported value of {@code v}, which has no base, with {@code payload}: traced to its source range
     * ({@link Value#definedAt}, the trace made when read), else to the environment it is exported for.
     */
    private static Value definedAt(EvalValue v, Object payload, String environment) {
        dev.openesc.core.syntax.Range r = Diags.rangeOf(v.def.syntax());
        return r != null ? Value.definedAt(payload, v.secret, v.unknown, r)
                : new Value(payload, v.secret, v.unknown, new Trace(Range.of(environment), null));
    }

    /** Exports a value and the values inside it. */
    static Value exportValue(EvalValue v, String environment) {
        return exportValue(v, environment, false);
    }

    /**
     * Exports a value (memoised on the value: the first export fixes its form, as in the reference); {@code asBase}
     * when it is (inside) the base of another. A scalar with no base defined at a source range exports to equal
     * values for every environment, so outside a base, where each is exported once, it is not memoised: the memo
     * was a late store into every evaluated value of a pass (docs/decisions.md, entry 36). A base is exported once
     * per value over it, so its memo stays.
     */
    private static Value exportValue(EvalValue v, String environment, boolean asBase) {
        if (v.exported != null) {
            return v.exported;
        }
        if (!asBase && v.base == null && !(v.repr instanceof List<?>) && !(v.repr instanceof Map<?, ?>)) {
            if (Diags.rangeOf(v.def.syntax()) != null) {
                return definedAt(v, v.repr, environment);
            }
        }
        if (v.exporting) {
            return Value.unknownValue();
        }
        v.exporting = true;
        try {
            Object payload;
            if (v.repr instanceof List<?>) {
                List<EvalValue> src = v.list();
                List<Value> out = new ArrayList<>(src.size());
                for (EvalValue e : src) {
                    out.add(exportValue(e, environment, asBase));
                }
                payload = out;
            } else if (v.repr instanceof Map<?, ?>) {
                List<String> keys = v.keys();
                // exported in key order into an array the map then keeps (no list, no copy of it)
                Object[] values = v.deepProperties();
                if (values == null) {
                    values = new Object[keys.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = v.property(v.def.syntax(), keys.get(i));
                    }
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = exportValue((EvalValue) values[i], environment, asBase);
                }
                payload = SortedKeyMap.adopt(keys.toArray(new String[0]), values);
            } else {
                payload = v.repr;
            }
            Value base = v.base == null ? null : exportValue(v.base, "<import>", true);
            v.exported = base != null ? new Value(payload, v.secret, v.unknown, new Trace(defRange(v.def, environment),
                    base)) : definedAt(v, payload, environment);
            return v.exported;
        } finally {
            v.exporting = false;
        }
    }

    static Accessor exportAccessor(PropertyAccessor a, String environment) {
        Range r = Range.from(a.range(), environment);
        if (a instanceof PropertyName n) {
            return Accessor.key(n.name(), r);
        } else if (a instanceof PropertyKeySubscript k) {
            return Accessor.key(k.key(), r);
        }
        return Accessor.index((int) Math.min(((PropertyIndexSubscript) a).index(), Integer.MAX_VALUE), r);
    }

    // One-element lists (a single interpolation, a single accessor: the common shapes) are immutable singletons,
    // an object fewer each than an ArrayList, built again in every pass.

    private static List<dev.openesc.core.value.PropertyAccessor> exportSteps(List<Repr.Step> steps, String env) {
        if (steps.size() == 1) {
            return List.of(exportStep(steps.get(0), env));
        }
        List<dev.openesc.core.value.PropertyAccessor> out = new ArrayList<>(steps.size());
        for (Repr.Step s : steps) {
            out.add(exportStep(s, env));
        }
        return out;
    }

    private static dev.openesc.core.value.PropertyAccessor exportStep(Repr.Step s, String env) {
        Range r = s.value == null ? Range.NONE : defRange(s.value.def, env);
        return new dev.openesc.core.value.PropertyAccessor(exportAccessor(s.accessor, env), r);
    }

    /** Exports the expression tree of an evaluated environment. */
    static Expr exportExpr(ExprNode x, String env) {
        return exportExpr(x, env, false);
    }

    /**
     * Exports an expression; {@code asBase} when it is (inside) the base of another. Only those are memoised on the
     * node: an imported expression is the base of every expression that overrides it, down the import chain, while
     * the evaluated environment's own expressions are each exported once, and writing the memo into every node of
     * a pass (promoted by then, in a large environment) marked a card per node for the collector's refinement.
     */
    private static Expr exportExpr(ExprNode x, String env, boolean asBase) {
        if (x.exported != null) {
            return x.exported;
        }
        Expr ex = exportExprOnce(x, env, asBase);
        if (asBase) {
            x.exported = ex;
        }
        return ex;
    }

    private static Expr exportExprOnce(ExprNode x, String env, boolean asBase) {
        Expr base = x.base == null ? null : exportExpr(x.base.def, env, true);
        Repr repr = x.repr;
        // the common shape, one text and a reference of one key: one object for the expression and its parts
        Expr oneKey = repr instanceof Repr.OneReference o ? oneKey(x, base, o.text, o, env)
                : repr instanceof Repr.Interpolate i ? oneKey(x, base, i, env) : null;
        if (oneKey != null) {
            return oneKey;
        }
        Range range = defRange(x, env);
        // the common shapes are built in one step rather than through Expr.of and a with-copy: one object fewer
        // per exported expression
        if (repr instanceof Repr.Literal l) {
            return new Expr(range, x.schema, base, null, EvalContext.literalValue(l.syntax()), null, null, null, null,
                    null, null);
        } else if (repr instanceof Repr.OneReference o) {
            List<Interpolation> parts = List.of(new Interpolation(o.text, exportSteps(o, env)));
            return new Expr(range, x.schema, base, null, null, parts, null, null, null, null, null);
        } else if (repr instanceof Repr.Interpolate i) {
            List<Interpolation> parts;
            if (i.parts().size() == 1) {
                parts = List.of(exportPart(i.parts().get(0), env));
            } else {
                parts = new ArrayList<>(i.parts().size());
                for (Repr.Interpolate.Part p : i.parts()) {
                    parts.add(exportPart(p, env));
                }
            }
            return new Expr(range, x.schema, base, null, null, parts, null, null, null, null, null);
        } else if (repr instanceof Repr.Symbol s) {
            return new Expr(range, x.schema, base, null, null, null, exportSteps(s.access(), env), null, null, null,
                    null);
        }
        Expr ex = Expr.of(range, x.schema, base);
        if (repr instanceof Repr.Missing) {
            return ex;
        }
        if (repr instanceof Repr.Access a) {
            Accessor acc = Accessor.key(a.key(), Range.of(env));
            if (a.receiver().def.repr instanceof Repr.Access) {
                Expr inner = exportExpr(a.receiver().def, env, asBase);
                List<Accessor> accs = new ArrayList<>(inner.access().accessors());
                accs.add(acc);
                ex = inner.withAccess(new AccessExpr(inner.access().receiver(), accs));
            } else {
                ex = ex.withAccess(new AccessExpr(defRange(a.receiver().def, env), List.of(acc)));
            }
        } else if (repr instanceof Repr.Array a) {
            List<Expr> list = new ArrayList<>(a.elements().size());
            for (ExprNode e : a.elements()) {
                list.add(exportExpr(e, env, asBase));
            }
            ex = ex.withList(list);
        } else if (repr instanceof Repr.ObjectRepr o) {
            PropertyOrder order = o.order();
            // every declared property has its key range; the key ranges also hold reserved top-level keys
            Map<String, Range> keys = o.syntax() == null ? SortedKeyMap.empty()
                    : o.keyRanges().size() == order.size()
                    ? inOrder(order.keyList(), o.keyRanges(), r -> Range.from(r, env))
                    : sortedByKey(o.keyRanges(), r -> Range.from(r, env));
            Object[] exprs = new Object[order.size()];
            for (int i = 0; i < exprs.length; i++) {
                exprs[i] = exportExpr(order.node(i), env, asBase);
            }
            // the declared keys are checked and never written, so the exported map shares them
            ex = ex.withObject(keys, SortedKeyMap.withKeysOf(order.asMap(), exprs));
        } else if (repr instanceof Repr.Builtin b) {
            ex = ex.withBuiltin(builtin(b, env, asBase));
        }
        return ex;
    }

    /** The compact expression of an interpolation of one text and one reference by name or key, else null. */
    private static Expr oneKey(ExprNode x, Expr base, Repr.Interpolate i, String env) {
        if (i.parts().size() != 1) {
            return null;
        }
        Repr.Interpolate.Part p = i.parts().get(0);
        if (p.access() == null || p.access().size() != 1) {
            return null;
        }
        return oneKey(x, base, p.text(), p.access().get(0), env);
    }

    /**
     * The compact expression of {@code x}, text followed by a reference of one step by name or key, else null. Its
     * range and the key's are given as their syntax ranges when they have them, made into wire ranges when read:
     * keeping a wire range on each syntax range, as {@link Range#from} does, stores into the loaded definition
     * (promoted by then in a large environment) twice per value (docs/decisions.md, entry 36).
     */
    private static Expr oneKey(ExprNode x, Expr base, String text, Repr.Step s, String env) {
        String key = s.accessor instanceof PropertyName n ? n.name()
                : s.accessor instanceof PropertyKeySubscript k ? k.key() : null;
        if (key == null) {
            return null;
        }
        Range value = s.value == null ? Range.NONE : defRange(s.value.def, env);
        dev.openesc.core.syntax.Range span = Diags.rangeOf(x.syntax());
        dev.openesc.core.syntax.Range keySpan = s.accessor.range();
        if (span != null && keySpan != null) {
            return Expr.ofOneKeyInterpolation(span, x.schema, base, text, key, keySpan, value);
        }
        return Expr.ofOneKeyInterpolation(defRange(x, env), x.schema, base, text, key, Range.from(keySpan, env),
                value);
    }

    private static Interpolation exportPart(Repr.Interpolate.Part p, String env) {
        return new Interpolation(p.text(), p.access() == null ? null : exportSteps(p.access(), env));
    }

    /** The entries of a map in key order, their values converted. */
    private static <T, R> SortedKeyMap<R> sortedByKey(Map<String, T> map, Function<T, R> convert) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.sort(keys);
        return inOrder(keys, map, convert);
    }

    /** The entries of a map under {@code sortedKeys} (all its keys, sorted), their values converted. */
    private static <T, R> SortedKeyMap<R> inOrder(List<String> keys, Map<String, T> map, Function<T, R> convert) {
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert.apply(map.get(keys.get(i)));
        }
        return SortedKeyMap.adopt(keys.toArray(new String[0]), values);
    }

    private static BuiltinExpr builtin(Repr.Builtin b, String env, boolean asBase) {
        String name = b.node.name().value();
        Range nameRange = Range.from(b.node.name().range(), env);
        Range argRange = Range.from(b.node.args().range(), env);
        Schema argSchema;
        Expr arg;
        switch (b.kind) {
            case OPEN -> {
                if (name.equals("fn::open")) {
                    argSchema = SchemaOps.record(Map.of("provider", SchemaOps.string(), "inputs", b.inputSchema));
                    arg = objectArg(Range.NONE, b, env, asBase, "provider", "inputs");
                } else {
                    argSchema = b.inputSchema;
                    arg = exportExpr(b.arg("inputs"), env, asBase);
                }
            }
            case ROTATE -> {
                if (name.equals("fn::rotate")) {
                    argSchema = SchemaOps.record(Map.of("provider", SchemaOps.string(), "inputs", b.inputSchema,
                            "state", b.stateSchema));
                    arg = objectArg(Range.NONE, b, env, asBase, "provider", "inputs", "state");
                } else {
                    argSchema = SchemaOps.record(Map.of("inputs", b.inputSchema, "state", b.stateSchema));
                    arg = objectArg(Range.NONE, b, env, asBase, "inputs", "state");
                }
            }
            case SECRET -> {
                argSchema = SchemaOps.always();
                if (b.arg("plaintext") != null) {
                    arg = exportExpr(b.arg("plaintext"), env, asBase);
                } else {
                    arg = objectArg(argRange, b, env, asBase, "ciphertext");
                }
            }
            case JOIN -> {
                argSchema = SchemaOps.tuple(List.of(SchemaOps.string(), SchemaOps.arrayOfString()));
                arg = listArg(argRange, b, env, asBase, "delimiter", "values");
            }
            case SPLIT -> {
                argSchema = SchemaOps.tuple(List.of(SchemaOps.string(), SchemaOps.string()));
                arg = listArg(argRange, b, env, asBase, "delimiter", "string");
            }
            case CONCAT -> {
                argSchema = SchemaOps.arrayOf(SchemaOps.arrayOfAny());
                arg = exportExpr(b.arg("arrays"), env, asBase);
            }
            case TO_JSON, TO_STRING, FINAL -> {
                argSchema = SchemaOps.always();
                arg = exportExpr(b.arg("value"), env, asBase);
            }
            case FROM_JSON -> {
                argSchema = SchemaOps.always();
                arg = exportExpr(b.arg("string"), env, asBase);
            }
            case TO_BASE64 -> {
                argSchema = SchemaOps.string();
                arg = exportExpr(b.arg("value"), env, asBase);
            }
            case FROM_BASE64 -> {
                argSchema = SchemaOps.string();
                arg = exportExpr(b.arg("string"), env, asBase);
            }
            case VALIDATE -> {
                argSchema = SchemaOps.record(Map.of("schema", SchemaOps.always(), "value", SchemaOps.always()));
                arg = objectArg(argRange, b, env, asBase, "schema", "value");
            }
            default -> throw new IllegalStateException("unknown builtin " + b.kind);
        }
        return new BuiltinExpr(name, nameRange, argSchema, arg);
    }

    private static Expr objectArg(Range range, Repr.Builtin b, String env, boolean asBase, String... names) {
        TreeMap<String, Expr> props = new TreeMap<>();
        for (String n : names) {
            props.put(n, exportExpr(b.arg(n), env, asBase));
        }
        return Expr.of(range, null, null).withObject(null, props);
    }

    private static Expr listArg(Range range, Repr.Builtin b, String env, boolean asBase, String... names) {
        List<Expr> items = new ArrayList<>();
        for (String n : names) {
            items.add(exportExpr(b.arg(n), env, asBase));
        }
        return Expr.of(range, null, null).withList(items);
    }
}
