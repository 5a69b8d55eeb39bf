package dev.openesc.core.eval;

import dev.openesc.core.ast.EnvironmentDecl;
import dev.openesc.core.ast.ImportDecl;
import dev.openesc.core.ast.ObjectProperty;
import dev.openesc.core.ast.StringExpr;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.SortedKeyMap;
import dev.openesc.core.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of evaluating one environment: its context and imports, its declared expressions and the diagnostics
 * found. Imported environments get their own context sharing the import table, so each environment of an import
 * closure is evaluated once.
 */
final class EvalContext {
    /** One environment of the import closure: being evaluated (a cycle if met again) or done. */
    static final class Imported {
        boolean evaluating = true;
        EvalValue value;
    }

    /** Settings shared by every environment of one evaluation. */
    record Mode(boolean validating, boolean rotating, boolean showSecrets) {}

    final Mode mode;
    final boolean rotating;
    final String name;
    final EnvironmentDecl env;
    final Decrypter decrypter;
    final ProviderLoader providers;
    final EnvironmentLoader environments;
    /** Null when imports are parsed afresh. */
    final ParsedDefinitions definitions;
    final Map<String, Imported> imports;
    final ExecContext execContext;
    final Set<String> rotatePaths;
    /** True for the environment being evaluated, false for the environments it imports. */
    boolean isRoot;

    final Diags diags = new Diags();
    final Declarer declarer = new Declarer(diags);
    final Accesses accesses = new Accesses(this);
    final Builtins builtins = new Builtins(this);

    /** Greater than zero while evaluating a value bound to a rotate-only input. */
    int rotateOnlyScope;

    /** The {@code context} root's value; built on first use (see {@link #context}). */
    private EvalValue myContext;
    EvalValue myImports;
    ExprNode root;
    EvalValue base;
    final List<Patch> patches;

    EvalContext(Mode mode, boolean rotating, String name, EnvironmentDecl env, Decrypter decrypter,
            ProviderLoader providers, EnvironmentLoader environments, ParsedDefinitions definitions,
            Map<String, Imported> imports, ExecContext execContext, Set<String> rotatePaths, List<Patch> patches) {
        this.mode = mode;
        this.rotating = rotating;
        this.name = name;
        this.env = env;
        this.decrypter = decrypter;
        this.providers = providers;
        this.environments = environments;
        this.definitions = definitions;
        this.imports = imports;
        this.execContext = execContext.copyForEnv(name);
        this.rotatePaths = rotatePaths;
        this.patches = patches;
    }

    boolean validating() {
        return mode.validating();
    }

    boolean decryptSecrets() {
        return !mode.validating() || mode.showSecrets();
    }

    /** Evaluates the environment: context, imports, then the values. */
    EvalValue evaluate() {
        evaluateImports();

        List<ObjectProperty> entries = env.values() == null ? List.of() : env.values().entries();
        // the root exports no key ranges (it has no syntax of its own), so none are collected
        PropertyOrder order = declarer.declareEntries("", entries, base, null, true);
        root = new ExprNode("<" + name + ">",
                new Repr.ObjectRepr(null, order, Map.of()), SchemaOps.objectOfAny(), base);
        try {
            return evaluateExpr(root, SchemaOps.always());
        } finally {
            // an environment stays "being evaluated" until its values are done, so that inline references back
            // to it are reported as cycles
            imports.get(name).evaluating = false;
        }
    }

    /**
     * The {@code context} root's value. Built when first asked (a {@code context.} reference, or the root's output):
     * most imported environments never read it, and converting it (values and record schemas) in each of them was
     * a tenth of what a pass over the corpus benchmark allocated. The conversion is pure, so when it happens does
     * not change the result.
     */
    EvalValue context() {
        if (myContext == null) {
            ExprNode def = ExprNode.done(new Repr.Missing(null), SchemaOps.always());
            myContext = Unexport.fromValue(Value.ofMap(execContext.values()), def);
        }
        return myContext;
    }

    private void evaluateImports() {
        Imported mine = new Imported();
        imports.put(name, mine);
        {
            Map<String, EvalValue> mine2 = new LinkedHashMap<>();
            if (env.imports() != null) {
                for (ImportDecl decl : env.imports().elements()) {
                    evaluateImport(mine2, decl.environment(), decl, mergeOf(decl), false);
                }
            }
            Map<String, Schema> props = new HashMap<>();
            Map<String, EvalValue> repr = new HashMap<>();
            for (Map.Entry<String, EvalValue> e : mine2.entrySet()) {
                props.put(e.getKey(), e.getValue().schema);
                repr.put(e.getKey(), e.getValue());
            }
            Schema s = SchemaOps.record(props);
            ExprNode def = ExprNode.done(new Repr.Missing(null), s);
            EvalValue val = new EvalValue(def, s);
            val.repr = repr;
            def.value = val;
            myImports = val;
            ImportMerge.finish(base);
        }
    }

    private static boolean mergeOf(ImportDecl decl) {
        if (decl.meta() != null && decl.meta().merge() != null) {
            return decl.meta().merge().value();
        }
        return true;
    }

    /**
     * Evaluates one import (or inline environment reference) into {@code into}; merges it into this environment's
     * base when {@code merge} is set. {@code at} is where problems are reported.
     */
    void evaluateImport(Map<String, EvalValue> into, StringExpr environment, ImportDecl declSyntax, boolean merge,
            boolean rotateOnly) {
        if (environment == null) {
            return;
        }
        String importName = environment.value();
        boolean rootEnv = isRoot;

        EvalValue val;
        Imported known = imports.get(importName);
        if (known != null) {
            if (known.evaluating) {
                reportAtImport(declSyntax, environment, "cyclic import of " + importName);
                return;
            }
            val = known.value;
        } else if (rotateOnly && !rotating && !(validating() && rootEnv)) {
            val = EvalValue.unknown(ExprNode.missing("", null), SchemaOps.always());
        } else {
            EnvironmentLoader.LoadedEnvironment loaded;
            try {
                loaded = environments.load(importName);
            } catch (EnvironmentLoadException ex) {
                diags.exprError(environment, ex.getMessage());
                return;
            } catch (RuntimeException ex) {
                // a misbehaving loader must not abort the whole evaluation
                diags.exprError(environment, "loading " + importName + ": " + ex.getMessage());
                return;
            }
            Loader.Loaded parsed = definitions == null ? Loader.load(importName, loaded.definition())
                    : definitions.load(importName, loaded.definition());
            diags.addAll(parsed.diagnostics());
            if (parsed.decl() == null) {
                // the reference evaluates an empty environment here
                Imported placeholder = new Imported();
                imports.put(importName, placeholder);
                placeholder.evaluating = false;
                val = emptyEnvironmentValue();
                placeholder.value = val;
            } else {
                EvalContext imp = new EvalContext(mode, false, importName, parsed.decl(), loaded.decrypter(),
                        providers, environments, definitions, imports, execContext, Set.of(), new ArrayList<>());
                val = imp.evaluate();
                diags.addAll(imp.diags.list);
                imports.get(importName).value = val;
            }
        }

        if (rotateOnly) {
            val.rotateOnly = true;
        }
        into.put(importName, val);
        if (merge) {
            base = ImportMerge.mergeOver(val, base);
        }
    }

    private EvalValue emptyEnvironmentValue() {
        Schema s = SchemaOps.record(Map.of());
        EvalValue v = new EvalValue(ExprNode.done(new Repr.Missing(null), s), s);
        v.repr = new HashMap<String, EvalValue>();
        return v;
    }

    private void reportAtImport(ImportDecl decl, StringExpr environment, String summary) {
        if (decl != null && decl.node() != null) {
            var s = decl.node().syntax();
            diags.add(Diagnostic.error(s.range(), summary, s.path()));
        } else {
            diags.exprError(environment, summary);
        }
    }

    /**
     * Evaluates an expression once (memoised), reporting reference cycles, then merges the result over the
     * expression's base and records its final schema.
     */
    EvalValue evaluateExpr(ExprNode x, Schema accept) {
        if (x.state == ExprNode.DONE) {
            return x.value;
        } else if (x.state == ExprNode.EVALUATING) {
            diags.exprError(x.syntax(), "cyclic reference to " + x.path);
            return EvalValue.unknown(x, SchemaOps.always());
        }
        x.state = ExprNode.EVALUATING;
        EvalValue val;
        try {
            Repr r = x.repr;
            if (r instanceof Repr.Literal l) {
                val = literal(x, l);
            } else if (r instanceof Repr.OneReference o) {
                val = interpolate(x, o);
            } else if (r instanceof Repr.Interpolate i) {
                val = interpolate(x, i);
            } else if (r instanceof Repr.Symbol s) {
                val = accesses.evaluatePropertyAccess(x, s.access(), accept);
            } else if (r instanceof Repr.Array a) {
                val = array(x, a, accept);
            } else if (r instanceof Repr.ObjectRepr o) {
                val = object(x, o, accept);
            } else if (r instanceof Repr.Builtin b) {
                val = builtins.evaluate(x, b);
            } else {
                val = EvalValue.unknown(x, x.schema);
            }
        } finally {
            x.state = ExprNode.DONE;
        }
        if (x.secret) {
            val.secret = true;
        }
        if (x.base != null && x.base.isFinal && val != x.base) {
            diags.exprWarning(x.syntax(), "cannot override final value");
            val = x.base;
        } else {
            val.merge(x.base);
        }
        // stored only when it changed: the node may have been promoted since it was declared, and a store of a
        // reference into it marks a card (an interpolation's schema is the one it was declared with)
        if (x.schema != val.schema) {
            x.schema = val.schema;
        }
        x.value = val;
        return val;
    }

    private EvalValue literal(ExprNode x, Repr.Literal l) {
        EvalValue v = new EvalValue(x, x.schema);
        v.repr = literalValue(l.syntax());
        return v;
    }

    static Object literalValue(dev.openesc.core.ast.Expr x) {
        if (x instanceof dev.openesc.core.ast.BooleanExpr b) {
            return b.value();
        } else if (x instanceof dev.openesc.core.ast.NumberExpr n) {
            return dev.openesc.core.schema.JsonNumber.of(n.value());
        } else if (x instanceof StringExpr s) {
            return s.value();
        }
        return null;
    }

    private EvalValue array(ExprNode x, Repr.Array a, Schema accept) {
        EvalValue v = new EvalValue(x, null);
        List<EvalValue> out = new ArrayList<>(a.elements().size());
        List<Schema> items = new ArrayList<>(a.elements().size());
        for (int i = 0; i < a.elements().size(); i++) {
            EvalValue ev = evaluateExpr(a.elements().get(i), SchemaOps.item(accept, i));
            out.add(ev);
            items.add(ev.schema);
        }
        v.repr = out;
        v.schema = SchemaOps.tuple(items);
        return v;
    }

    private EvalValue object(ExprNode x, Repr.ObjectRepr o, Schema accept) {
        EvalValue v = new EvalValue(x, null);
        PropertyOrder order = o.order();
        // the properties and their schemas in key order, beside the declared keys: two arrays instead of two hash
        // tables with an entry per property (for the 100,000-property root of a large environment, 200,000 entries
        // and two tables of a megabyte each per pass)
        Object[] out = new Object[order.size()];
        Object[] props = new Object[order.size()];
        for (int i = 0; i < order.size(); i++) {
            String k = order.key(i);
            boolean rotateOnlyInput = accept != null && !accept.isBoolean() && accept.hasRotateOnlyProperty(k);
            if (rotateOnlyInput) {
                rotateOnlyScope++;
            }
            EvalValue pv;
            try {
                ExprNode px = order.node(i);
                if (rotateOnlyInput && !validating() && !rotating && px.state == ExprNode.DECLARED) {
                    // outside a rotation, rotate-only inputs are not evaluated at all
                    pv = EvalValue.unknown(px, SchemaOps.always());
                    pv.rotateOnly = true;
                    px.value = pv;
                    px.state = ExprNode.DONE;
                } else {
                    pv = evaluateExpr(px, SchemaOps.property(accept, k));
                }
            } finally {
                if (rotateOnlyInput) {
                    rotateOnlyScope--;
                }
            }
            out[i] = pv;
            props[i] = pv.schema;
        }
        // both maps share the declared (checked, never written) keys
        v.repr = SortedKeyMap.<EvalValue>withKeysOf(order.asMap(), out);
        v.schema = SchemaOps.record(SortedKeyMap.<Schema>withKeysOf(order.asMap(), props));
        return v;
    }

    /** The common shape, a text and one reference of one accessor: joined without the array below. */
    private EvalValue interpolate(ExprNode x, Repr.OneReference repr) {
        EvalValue v = new EvalValue(x, x.schema);
        String text = referencedText(x, v, repr);
        v.repr = v.unknown ? "[unknown]" : text == null ? repr.text : repr.text.concat(text);
        return v;
    }

    private EvalValue interpolate(ExprNode x, Repr.Interpolate repr) {
        EvalValue v = new EvalValue(x, x.schema);
        List<Repr.Interpolate.Part> parts = repr.parts();
        if (parts.size() == 1) {
            // a text and one reference: joined without the array below
            Repr.Interpolate.Part p = parts.get(0);
            String text = p.access() == null ? null : referencedText(x, v, p.access());
            v.repr = v.unknown ? "[unknown]" : text == null ? p.text() : p.text().concat(text);
            return v;
        }
        // the pieces are joined at the end into a string of exactly their length: a StringBuilder would allocate a
        // buffer larger than the result, then copy it
        String[] pieces = new String[parts.size() * 2];
        int n = 0;
        for (Repr.Interpolate.Part p : parts) {
            pieces[n++] = p.text();
            if (p.access() != null) {
                String text = referencedText(x, v, p.access());
                if (text != null) {
                    pieces[n++] = text;
                }
            }
        }
        v.repr = v.unknown ? "[unknown]" : joined(pieces, n);
        return v;
    }

    /**
     * Evaluates the reference of one part of an interpolation into {@code v} (its unknown, secret and rotate-only
     * flags) and returns its text, or null when it is unknown.
     */
    private String referencedText(ExprNode x, EvalValue v, List<Repr.Step> access) {
        EvalValue pv = accesses.evaluateForInterpolation(x, access);
        EvalValue.Str s = pv.toStr();
        v.unknown = v.containsUnknowns() || s.unknown();
        v.secret = v.containsSecrets() || s.secret();
        v.rotateOnly = v.rotateOnly || s.rotateOnly() || pv.rotateOnly || Accesses.crossesRotateOnly(access);
        return s.unknown() ? null : s.text();
    }

    private static String joined(String[] pieces, int n) {
        if (n == 0) {
            return "";
        } else if (n == 1) {
            return pieces[0];
        } else if (n == 2) {
            return pieces[0].concat(pieces[1]);
        }
        int length = 0;
        for (int i = 0; i < n; i++) {
            length += pieces[i].length();
        }
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < n; i++) {
            b.append(pieces[i]);
        }
        return b.toString();
    }

    /** Evaluates and type-checks an expression against {@code accept}; false when validation failed. */
    record Typed(EvalValue value, boolean ok) {}

    Typed evaluateTyped(ExprNode x, Schema accept) {
        EvalValue v = evaluateExpr(x, accept);
        Validator vv = new Validator();
        boolean ok = vv.validateValue(v, accept, false);
        diags.addAll(vv.diags.list);
        return new Typed(v, ok);
    }
}
