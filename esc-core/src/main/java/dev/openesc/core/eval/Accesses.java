package dev.openesc.core.eval;

import dev.openesc.core.schema.GoText;
import dev.openesc.core.ast.Expr;
import dev.openesc.core.ast.PropertyAccessor;
import dev.openesc.core.ast.PropertyIndexSubscript;
import dev.openesc.core.ast.PropertyKeySubscript;
import dev.openesc.core.ast.PropertyName;
import dev.openesc.core.ast.StringExpr;
import dev.openesc.core.schema.Schema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves references such as {@code ${a.b[0]}}: first through declared expressions (so that only what is
 * referenced gets evaluated), then through values; {@code imports.}, {@code context.} and
 * {@code environments.<project>.<env>} are special roots. Records, for each accessor, the value it reached.
 */
final class Accesses {
    /** From this many properties on, the root's answers to names are remembered (see {@link #rootProperty}). */
    private static final int LARGE_ROOT = 256;

    /** Stands for "no such property" among the remembered answers. */
    private static final ExprNode ABSENT = ExprNode.missing("", null);

    private final EvalContext e;
    /** The root's property for each name asked so far, or {@link #ABSENT}; only for a large root. */
    private Map<String, ExprNode> rootAnswers;

    Accesses(EvalContext e) {
        this.e = e;
    }

    /**
     * The root's declared property named {@code key}, or null. A large root is searched once per distinct name: its
     * declared properties are fixed for the pass, and references repeat few names (an environment of 100,000 values
     * that read 50 imported names searched its 100,000 sorted keys for every one of them, each comparison likely a
     * cache miss, for the same 50 answers).
     */
    private ExprNode rootProperty(Map<String, ExprNode> properties, String key) {
        if (properties.size() < LARGE_ROOT) {
            return properties.get(key);
        }
        if (rootAnswers == null) {
            rootAnswers = new HashMap<>();
        }
        ExprNode found = rootAnswers.get(key);
        if (found == null) {
            found = properties.get(key);
            rootAnswers.put(key, found == null ? ABSENT : found);
            return found;
        }
        return found == ABSENT ? null : found;
    }

    EvalValue evaluatePropertyAccess(ExprNode x, List<Repr.Step> steps, Schema accept) {
        EvalValue v = EvalValue.copyOf(evaluateExprAccess(x, steps, accept));
        v.def = x;
        for (Repr.Step s : steps) {
            if (s.value != null && s.value.rotateOnly) {
                v.rotateOnly = true;
            }
        }
        return v;
    }

    /**
     * The value a reference inside an interpolation reaches, not copied: interpolation only reads its string form
     * and flags, so the copy {@link #evaluatePropertyAccess} makes (deep when the value has a base) would be
     * garbage at once. Whether a step crossed a rotate-only value is reported through {@link #crossesRotateOnly}.
     */
    EvalValue evaluateForInterpolation(ExprNode x, List<Repr.Step> steps) {
        return evaluateExprAccess(x, steps, SchemaOps.always());
    }

    static boolean crossesRotateOnly(List<Repr.Step> steps) {
        for (Repr.Step s : steps) {
            if (s.value != null && s.value.rotateOnly) {
                return true;
            }
        }
        return false;
    }

    private EvalValue evaluateExprAccess(ExprNode x, List<Repr.Step> steps, Schema accept) {
        Expr syntax = x.syntax();
        String first = objectKey(syntax, steps.get(0).accessor, false);
        if ("imports".equals(first)) {
            steps.get(0).value = e.myImports;
            return evaluateValueAccess(syntax, e.myImports, steps, 1);
        }
        if ("context".equals(first)) {
            EvalValue context = e.context();
            steps.get(0).value = context;
            return evaluateValueAccess(syntax, context, steps, 1);
        }
        if ("environments".equals(first)) {
            return environmentReference(x, steps, accept);
        }

        ExprNode receiver = e.root;
        int i = 0;
        while (i < steps.size()) {
            Repr.Step step = steps.get(i);
            Repr r = receiver.repr;
            if (r instanceof Repr.Array a) {
                Integer index = arrayIndex(syntax, step.accessor, a.elements().size());
                if (index == null) {
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
                receiver = a.elements().get(index);
            } else if (r instanceof Repr.ObjectRepr o) {
                String key = objectKey(syntax, step.accessor, true);
                if (key == null) {
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
                ExprNode prop = receiver == e.root ? rootProperty(o.properties(), key) : o.properties().get(key);
                if (prop == null) {
                    if (EvalValue.isObject(receiver.base)) {
                        return evaluateValueAccess(syntax, receiver.base, steps, i);
                    }
                    e.diags.accessorError(syntax, step.accessor, unknownProperty(key, o.properties().keySet()));
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
                receiver = prop;
            } else if (r instanceof Repr.Builtin b && b.kind == Repr.Builtin.Kind.SECRET && b.arg("plaintext") != null) {
                // secrets are transparent to accessors
                receiver = b.arg("plaintext");
                continue;
            } else {
                return evaluateValueAccess(syntax, evaluateReferenced(receiver), steps, i);
            }
            EvalValue synthetic = new EvalValue(receiver, receiver.schema);
            synthetic.base = receiver.base;
            step.value = synthetic;
            i++;
        }
        return evaluateReferenced(receiver);
    }

    /**
     * Evaluates an expression reached through a reference. Whether the reference sits in a rotate-only input does
     * not carry over to what it refers to.
     */
    private EvalValue evaluateReferenced(ExprNode receiver) {
        int scope = e.rotateOnlyScope;
        e.rotateOnlyScope = 0;
        try {
            return e.evaluateExpr(receiver, SchemaOps.always());
        } finally {
            e.rotateOnlyScope = scope;
        }
    }

    private EvalValue environmentReference(ExprNode x, List<Repr.Step> steps, Schema accept) {
        Expr syntax = x.syntax();
        if (steps.size() < 3) {
            return invalid(syntax, steps);
        }
        String project = objectKey(syntax, steps.get(1).accessor, true);
        String envName = objectKey(syntax, steps.get(2).accessor, true);
        if (project == null || envName == null) {
            return invalid(syntax, steps);
        }
        String qualified = project + "/" + envName;
        Map<String, EvalValue> inline = new LinkedHashMap<>();
        boolean rotateOnly = e.rotateOnlyScope > 0;
        StringExpr envExpr = new StringExpr(x.syntax() == null
                ? dev.openesc.core.syntax.StringNode.of(qualified) : x.syntax().node(), qualified);
        e.evaluateImport(inline, envExpr, null, false, rotateOnly);

        EvalValue imported = inline.get(qualified);
        if (imported == null) {
            imported = EvalValue.unknown(ExprNode.missing("", null), SchemaOps.always());
        }
        EvalValue envs = synthetic(x, envName, imported);
        EvalValue projects = synthetic(x, project, envs);
        EvalValue reference = synthetic(x, "environments", projects);
        return evaluateValueAccess(syntax, reference, steps, 0);
    }

    private static EvalValue synthetic(ExprNode x, String key, EvalValue inner) {
        Map<String, EvalValue> m = new HashMap<>();
        m.put(key, inner);
        Map<String, Schema> s = new HashMap<>();
        s.put(key, inner.schema);
        EvalValue v = new EvalValue(x, SchemaOps.record(s));
        v.repr = m;
        return v;
    }

    /**
     * Follows {@code steps} from index {@code from} on, starting at {@code receiver}. The remaining steps are cut out
     * only by the answers that need them: a view per step (and per reference that continues in an imported value)
     * was most of what following a plain reference allocated.
     */
    EvalValue evaluateValueAccess(Expr syntax, EvalValue receiver, List<Repr.Step> steps, int from) {
        int i = from;
        while (i < steps.size()) {
            Repr.Step step = steps.get(i);
            if (receiver.unknown) {
                return unknownAccess(syntax, receiver.schema, steps.subList(i, steps.size()));
            }
            if (receiver.repr instanceof List<?>) {
                List<EvalValue> list = receiver.list();
                Integer index = arrayIndex(syntax, step.accessor, list.size());
                if (index == null) {
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
                receiver = list.get(index);
            } else if (receiver.repr instanceof Map<?, ?>) {
                String key = objectKey(syntax, step.accessor, true);
                if (key == null) {
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
                EvalValue prop = receiver.map().get(key);
                if (prop == null) {
                    if (EvalValue.isObject(receiver.base)) {
                        return evaluateValueAccess(syntax, receiver.base, steps, i);
                    }
                    e.diags.accessorError(syntax, step.accessor, unknownProperty(key, receiver.keys()));
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
                receiver = prop;
            } else {
                e.diags.accessorError(syntax, step.accessor, "receiver must be an array or an object");
                return invalid(syntax, steps.subList(i, steps.size()));
            }
            step.value = receiver;
            i++;
        }
        return receiver;
    }

    private EvalValue unknownAccess(Expr syntax, Schema receiver, List<Repr.Step> steps) {
        EvalValue val = null;
        for (int i = 0; i < steps.size(); i++) {
            Repr.Step step = steps.get(i);
            if (!SchemaOps.isAlways(receiver)) {
                String type = SchemaOps.type(receiver);
                if ("array".equals(type)) {
                    int n = -1;
                    if (receiver.items() != null && receiver.items().isNever()) {
                        n = receiver.prefixItems().size();
                    }
                    Integer index = arrayIndex(syntax, step.accessor, n);
                    if (index == null) {
                        return invalid(syntax, steps.subList(i, steps.size()));
                    }
                    receiver = SchemaOps.item(receiver, index);
                } else if ("object".equals(type)) {
                    String key = objectKey(syntax, step.accessor, true);
                    if (key == null) {
                        return invalid(syntax, steps.subList(i, steps.size()));
                    }
                    receiver = SchemaOps.property(receiver, key);
                } else {
                    e.diags.accessorError(syntax, step.accessor, "receiver must be an array or an object");
                    return invalid(syntax, steps.subList(i, steps.size()));
                }
            }
            val = EvalValue.unknown(ExprNode.done(new Repr.Literal(syntax), receiver), receiver);
            step.value = val;
        }
        return val;
    }

    /** Resolves every remaining accessor to an unknown value defined by the reference itself. */
    private EvalValue invalid(Expr syntax, List<Repr.Step> steps) {
        EvalValue last = null;
        for (Repr.Step s : steps) {
            last = EvalValue.unknown(ExprNode.done(new Repr.Literal(syntax), SchemaOps.always()), SchemaOps.always());
            s.value = last;
        }
        return last;
    }

    private Integer arrayIndex(Expr syntax, PropertyAccessor accessor, int len) {
        if (!(accessor instanceof PropertyIndexSubscript sub)) {
            e.diags.accessorError(syntax, accessor, "cannot access an array element using a property name");
            return null;
        }
        long index = sub.index();
        if (index < 0) {
            e.diags.accessorError(syntax, accessor, "array indices must not be negative");
            return null;
        }
        if (len >= 0 && index >= len) {
            e.diags.accessorError(syntax, accessor,
                    "array index " + index + " out-of-bounds for array of length " + len);
            return null;
        }
        // only reachable for unknown arrays of unknown length: no real array is that long
        return (int) Math.min(index, Integer.MAX_VALUE);
    }

    private String objectKey(Expr syntax, PropertyAccessor accessor, boolean must) {
        if (accessor instanceof PropertyName n) {
            return n.name();
        } else if (accessor instanceof PropertyKeySubscript k) {
            return k.key();
        }
        if (must) {
            e.diags.accessorError(syntax, accessor, "cannot access an object property using an integer index");
        }
        return null;
    }

    /** {@code unknown property "k"}, with a suggestion when a known key is a near miss. */
    static String unknownProperty(String key, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Levenshtein.distance(key, k);
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        String msg = "unknown property " + GoText.quote(key);
        if (best != null && bestDistance <= 2 && bestDistance < key.length()) {
            msg += "; did you mean " + GoText.quote(best) + "?";
        }
        return msg;
    }
}
