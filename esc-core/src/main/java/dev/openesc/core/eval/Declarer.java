package dev.openesc.core.eval;

import dev.openesc.core.syntax.encoding.PathText;
import dev.openesc.core.schema.GoText;
import dev.openesc.core.ast.ArrayExpr;
import dev.openesc.core.ast.BooleanExpr;
import dev.openesc.core.ast.BuiltinExpr;
import dev.openesc.core.ast.ConcatExpr;
import dev.openesc.core.ast.Expr;
import dev.openesc.core.ast.FinalExpr;
import dev.openesc.core.ast.FromBase64Expr;
import dev.openesc.core.ast.FromJSONExpr;
import dev.openesc.core.ast.InterpolateExpr;
import dev.openesc.core.ast.Interpolation;
import dev.openesc.core.ast.JoinExpr;
import dev.openesc.core.ast.NullExpr;
import dev.openesc.core.ast.NumberExpr;
import dev.openesc.core.ast.ObjectExpr;
import dev.openesc.core.ast.ObjectProperty;
import dev.openesc.core.ast.OneNameInterpolation;
import dev.openesc.core.ast.OpenExpr;
import dev.openesc.core.ast.PropertyAccess;
import dev.openesc.core.ast.PropertyAccessor;
import dev.openesc.core.ast.RotateExpr;
import dev.openesc.core.ast.SecretExpr;
import dev.openesc.core.ast.SplitExpr;
import dev.openesc.core.ast.StringExpr;
import dev.openesc.core.ast.SymbolExpr;
import dev.openesc.core.ast.ToBase64Expr;
import dev.openesc.core.ast.ToJSONExpr;
import dev.openesc.core.ast.ToStringExpr;
import dev.openesc.core.ast.ValidateExpr;
import dev.openesc.core.eval.Repr.Builtin.Kind;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the syntax tree of an environment into {@link ExprNode}s with their initial schemas, attaching each to the
 * imported value it overrides. Duplicate object keys are reported here.
 */
final class Declarer {
    private final Diags diags;

    Declarer(Diags diags) {
        this.diags = diags;
    }

    /** A hash table capacity that holds {@code entries} without growing. */
    static int capacity(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    ExprNode declare(String path, Expr x, EvalValue base) {
        if (x == null) {
            return ExprNode.missing(path, base);
        }
        return declareNode(path, x, base);
    }

    private ExprNode declareNode(String path, Expr x, EvalValue base) {
        if (x instanceof NullExpr n) {
            return new ExprNode(path, new Repr.Literal(n), SchemaOps.nul(), base);
        } else if (x instanceof BooleanExpr b) {
            return new ExprNode(path, new Repr.Literal(b), SchemaOps.boolConst(b.value()), base);
        } else if (x instanceof NumberExpr n) {
            return new ExprNode(path, new Repr.Literal(n), SchemaOps.numberConst(JsonNumber.of(n.value())), base);
        } else if (x instanceof StringExpr s) {
            return new ExprNode(path, new Repr.Literal(s), SchemaOps.stringConst(s.value()), base);
        } else if (x instanceof InterpolateExpr i) {
            return new ExprNode(path, interpolate(i), SchemaOps.string(), base);
        } else if (x instanceof SymbolExpr s) {
            return new ExprNode(path, new Repr.Symbol(s, steps(s.property())), SchemaOps.always(), base);
        } else if (x instanceof ArrayExpr a) {
            return array(path, a, base);
        } else if (x instanceof ObjectExpr o) {
            return object(path, o, base);
        }
        return builtin(path, (BuiltinExpr) x, base);
    }

    // A string with one interpolation and a reference with one accessor are the common shapes: their one-element
    // lists are the part and the step themselves (Repr.OwnList), declared again in every pass.

    private Repr interpolate(InterpolateExpr x) {
        if (x.parts() instanceof OneNameInterpolation one) {
            // read from the compact form as it is, without making its part and access
            return new Repr.OneReference(x, one.text(), one.name());
        }
        if (x.parts().size() == 1) {
            Interpolation only = x.parts().get(0);
            if (only.value() != null && only.value().accessors().size() == 1) {
                return new Repr.OneReference(x, only.text(), only.value().accessors().get(0));
            }
            return new Repr.Interpolate(x, part(only));
        }
        List<Repr.Interpolate.Part> parts = new ArrayList<>(x.parts().size());
        for (Interpolation p : x.parts()) {
            parts.add(part(p));
        }
        return new Repr.Interpolate(x, parts);
    }

    private static Repr.Interpolate.Part part(Interpolation p) {
        return new Repr.Interpolate.Part(p.text(), p.value() == null ? null : steps(p.value()));
    }

    static List<Repr.Step> steps(PropertyAccess access) {
        if (access.accessors().size() == 1) {
            return new Repr.Step(access.accessors().get(0));
        }
        List<Repr.Step> steps = new ArrayList<>(access.accessors().size());
        for (PropertyAccessor a : access.accessors()) {
            steps.add(new Repr.Step(a));
        }
        return steps;
    }

    private ExprNode array(String path, ArrayExpr a, EvalValue base) {
        List<ExprNode> elements = new ArrayList<>(a.elements().size());
        for (int i = 0; i < a.elements().size(); i++) {
            elements.add(declare(PathText.joinIndex(path, i), a.elements().get(i), null));
        }
        return new ExprNode(path, new Repr.Array(a, elements), SchemaOps.arrayOfAny(), base);
    }

    private ExprNode object(String path, ObjectExpr o, EvalValue base) {
        // looked up by key only (the exporter walks keys in sorted order)
        Map<String, dev.openesc.core.syntax.Range> keyRanges = new HashMap<>(capacity(o.entries().size()));
        PropertyOrder order = declareEntries(path, o.entries(), base, keyRanges, false);
        return new ExprNode(path, new Repr.ObjectRepr(o, order, keyRanges), SchemaOps.objectOfAny(), base);
    }

    /**
     * Declares object entries in document order and returns the declared properties in key order. At the top
     * level, reserved keys are reported instead of declared; a key written again is reported at each repeat.
     * {@code keyRanges} is null when nothing reads them (the root object exports no key ranges).
     */
    PropertyOrder declareEntries(String path, List<ObjectProperty> entries, EvalValue base,
            Map<String, dev.openesc.core.syntax.Range> keyRanges, boolean topLevel) {
        String[] declared = new String[entries.size()];
        for (int i = 0; i < declared.length; i++) {
            ObjectProperty entry = entries.get(i);
            if (!entry.rejected() && !(topLevel && reserved(entry.keyText()))) {
                declared[i] = entry.keyText();
            }
        }
        PropertyOrder.Plan plan = PropertyOrder.plan(declared);
        ExprNode[] nodes = new ExprNode[entries.size()];
        for (int i = 0; i < nodes.length; i++) {
            ObjectProperty entry = entries.get(i);
            if (entry.rejected()) {
                continue;
            }
            String k = entry.keyText();
            if (keyRanges != null) {
                keyRanges.put(k, entry.key().range());
            }
            if (declared[i] == null) {
                diags.exprError(entry.key(), GoText.quote(k) + " is a reserved key");
            } else if (plan.repeats(i)) {
                diags.exprError(entry.key(), "duplicate key " + GoText.quote(k));
            } else {
                EvalValue pb = base == null ? null : base.propertyOf(entry, k);
                nodes[i] = declare(PathText.joinKey(path, k), entry.value(), pb);
            }
        }
        return plan.order(nodes);
    }

    private static boolean reserved(String topLevelKey) {
        return topLevelKey.equals("imports") || topLevelKey.equals("context");
    }

    private ExprNode builtin(String path, BuiltinExpr b, EvalValue base) {
        Map<String, ExprNode> args = new LinkedHashMap<>();
        Kind kind;
        Schema schema = SchemaOps.string();
        if (b instanceof OpenExpr o) {
                kind = Kind.OPEN;
                args.put("provider", declare("", o.provider(), null));
                args.put("inputs", declare("", o.inputs(), null));
                schema = SchemaOps.always();
        } else if (b instanceof RotateExpr r) {
                kind = Kind.ROTATE;
                args.put("provider", declare("", r.provider(), null));
                args.put("inputs", declare("", r.inputs(), null));
                args.put("state", declare("", r.state(), null));
                schema = SchemaOps.always();
        } else if (b instanceof SecretExpr s) {
                kind = Kind.SECRET;
                if (s.plaintext() != null) {
                    ExprNode p = declare("", s.plaintext(), null);
                    p.secret = true;
                    args.put("plaintext", p);
                } else {
                    ExprNode c = declare("", s.ciphertext(), null);
                    c.secret = true;
                    args.put("ciphertext", c);
                }
        } else if (b instanceof JoinExpr j) {
                kind = Kind.JOIN;
                args.put("delimiter", declare("", j.delimiter(), null));
                args.put("values", declare("", j.values(), null));
        } else if (b instanceof SplitExpr s) {
                kind = Kind.SPLIT;
                args.put("delimiter", declare("", s.delimiter(), null));
                args.put("string", declare("", s.string(), null));
                schema = SchemaOps.arrayOfString();
        } else if (b instanceof ConcatExpr c) {
                kind = Kind.CONCAT;
                args.put("arrays", declare("", c.arrays(), null));
                schema = SchemaOps.arrayOfAny();
        } else if (b instanceof ToJSONExpr t) {
                kind = Kind.TO_JSON;
                args.put("value", declare("", t.value(), null));
        } else if (b instanceof FromJSONExpr f) {
                kind = Kind.FROM_JSON;
                args.put("string", declare("", f.string(), null));
                schema = SchemaOps.always();
        } else if (b instanceof ToStringExpr t) {
                kind = Kind.TO_STRING;
                args.put("value", declare("", t.value(), null));
        } else if (b instanceof ToBase64Expr t) {
                kind = Kind.TO_BASE64;
                args.put("value", declare("", t.value(), null));
        } else if (b instanceof FromBase64Expr f) {
                kind = Kind.FROM_BASE64;
                args.put("string", declare("", f.string(), null));
        } else if (b instanceof FinalExpr f) {
                kind = Kind.FINAL;
                args.put("value", declare("", f.value(), null));
                schema = SchemaOps.always();
        } else {
            ValidateExpr v = (ValidateExpr) b;
            kind = Kind.VALIDATE;
            args.put("schema", declare("", v.schema(), null));
            args.put("value", declare("", v.value(), null));
            schema = SchemaOps.always();
        }
        return new ExprNode(path, new Repr.Builtin(b, kind, args), schema, base);
    }
}
