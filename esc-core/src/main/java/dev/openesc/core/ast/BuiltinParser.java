package dev.openesc.core.ast;

import dev.openesc.core.schema.GoText;
import static dev.openesc.core.ast.ExprParser.exprError;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes builtin function calls: objects whose single key names a builtin ({@code fn::join},
 * {@code fn::open::aws-login}, ...). Checks each builtin's argument shape and reports what is wrong; the call is
 * still built, with the malformed parts left null.
 */
final class BuiltinParser {
    private static final String PREFIX = "fn::";
    private static final String OPEN_PREFIX = "fn::open::";
    private static final String ROTATE_PREFIX = "fn::rotate::";

    private final ObjectNode node;
    private final StringExpr name;
    private final Expr args;
    private final Diagnostics diags;

    private BuiltinParser(ObjectNode node, StringExpr name, Expr args, Diagnostics diags) {
        this.node = node;
        this.name = name;
        this.args = args;
        this.diags = diags;
    }

    /**
     * The builtin call the object spells, or null if it is an ordinary object. Misplaced or unknown {@code fn::}
     * keys are reported either way.
     */
    static BuiltinExpr tryParse(ExprParser parser, ObjectNode node) {
        Diagnostics diags = parser.diagnostics();
        if (node.size() != 1) {
            for (ObjectNode.Entry entry : node.entries()) {
                String key = entry.key().value();
                if (key.startsWith(PREFIX)) {
                    diags.add(Diagnostic.nodeError(node, "illegal call to builtin function: " + GoText.quote(key)
                            + " must be the only key within its containing object"));
                }
            }
            return null;
        }
        ObjectNode.Entry entry = node.get(0);
        String key = entry.key().value();
        if (!isBuiltinName(key)) {
            if (key.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                diags.add(Diagnostic.error(entry.key().syntax().range(), "'fn::' is a reserved prefix",
                        node.syntax().path()));
            }
            return null;
        }
        StringExpr name = StringExpr.of(entry.key());
        Expr args = parser.expr(entry.value());
        return new BuiltinParser(node, name, args, diags).build(key);
    }

    private static boolean isBuiltinName(String key) {
        switch (key) {
            case "fn::concat", "fn::final", "fn::fromBase64", "fn::fromJSON", "fn::join", "fn::open", "fn::rotate",
                    "fn::secret", "fn::split", "fn::toBase64", "fn::toJSON", "fn::toString", "fn::validate":
                return true;
            default:
                return key.startsWith(OPEN_PREFIX) || key.startsWith(ROTATE_PREFIX);
        }
    }

    private BuiltinExpr build(String key) {
        switch (key) {
            case "fn::concat":
                return concat();
            case "fn::final":
                return new FinalExpr(node, name, args, args);
            case "fn::fromBase64":
                return new FromBase64Expr(node, name, args, args);
            case "fn::fromJSON":
                return new FromJSONExpr(node, name, args, args);
            case "fn::join":
                return join();
            case "fn::open":
                return open();
            case "fn::rotate":
                return rotate();
            case "fn::secret":
                return secret();
            case "fn::split":
                return split();
            case "fn::toBase64":
                return new ToBase64Expr(node, name, args, args);
            case "fn::toJSON":
                return new ToJSONExpr(node, name, args, args);
            case "fn::toString":
                return new ToStringExpr(node, name, args, args);
            case "fn::validate":
                return validate();
            default:
                if (key.startsWith(OPEN_PREFIX)) {
                    return shortOpen(key.substring(OPEN_PREFIX.length()));
                }
                return shortRotate(key.substring(ROTATE_PREFIX.length()));
        }
    }

    private OpenExpr open() {
        if (!(args instanceof ObjectExpr obj)) {
            error(args, "the argument to fn::open must be an object containing 'provider' and 'inputs'");
            return new OpenExpr(node, name, args, null, null);
        }
        Expr providerExpr = lastValue(obj, "provider");
        Expr inputs = lastValue(obj, "inputs");
        StringExpr provider = checkProvider(obj, providerExpr);
        if (inputs == null) {
            error(obj, "missing provider inputs ('inputs')");
        }
        return new OpenExpr(node, name, obj, provider, inputs);
    }

    /** {@code fn::open::<provider>: inputs}; the provider name shares the key's node. */
    private OpenExpr shortOpen(String providerName) {
        StringExpr provider = new StringExpr(name.node(), providerName);
        return new OpenExpr(node, name, args, provider, args);
    }

    private RotateExpr rotate() {
        if (!(args instanceof ObjectExpr obj)) {
            error(args, "the argument to fn::rotate must be an object containing 'provider', 'inputs' and 'state'");
            return new RotateExpr(node, name, args, null, null, null);
        }
        StringExpr provider = checkProvider(obj, lastValue(obj, "provider"));
        return rotateWith(obj, obj, provider);
    }

    private RotateExpr shortRotate(String providerName) {
        if (!(args instanceof ObjectExpr obj)) {
            error(args, "the argument to fn::rotate must be an object containing 'inputs' and 'state'");
            return new RotateExpr(node, name, args, null, null, null);
        }
        return rotateWith(obj, args, new StringExpr(name.node(), providerName));
    }

    private RotateExpr rotateWith(ObjectExpr obj, Expr argument, StringExpr provider) {
        Expr inputs = lastValue(obj, "inputs");
        Expr state = lastValue(obj, "state");
        if (inputs == null) {
            error(obj, "missing provider inputs ('inputs')");
        }
        if (state == null) {
            state = NullExpr.synthetic();
        } else if (!(state instanceof ObjectExpr)) {
            error(state, "rotation state must be an object literal");
        }
        return new RotateExpr(node, name, argument, provider, inputs, state);
    }

    private StringExpr checkProvider(ObjectExpr obj, Expr providerExpr) {
        if (providerExpr instanceof StringExpr provider) {
            return provider;
        }
        if (providerExpr == null) {
            error(obj, "missing provider name ('provider')");
        } else {
            error(providerExpr, "provider name must be a string literal");
        }
        return null;
    }

    private ConcatExpr concat() {
        if (!(args instanceof ArrayExpr)) {
            error(args, "the argument to fn::concat must be an array of arrays");
        }
        return new ConcatExpr(node, name, args, args);
    }

    private JoinExpr join() {
        List<Expr> pair = pair("fn::join");
        return pair == null
                ? new JoinExpr(node, name, args, null, null)
                : new JoinExpr(node, name, args, pair.get(0), pair.get(1));
    }

    private SplitExpr split() {
        List<Expr> pair = pair("fn::split");
        return pair == null
                ? new SplitExpr(node, name, args, null, null)
                : new SplitExpr(node, name, args, pair.get(0), pair.get(1));
    }

    /** The two elements of a two-element list argument, or null after reporting that it is not one. */
    private List<Expr> pair(String function) {
        if (args instanceof ArrayExpr list && list.elements().size() == 2) {
            return list.elements();
        }
        error(args, "the argument to " + function + " must be a two-valued list");
        return null;
    }

    /**
     * {@code fn::secret: plaintext} or {@code fn::secret: {ciphertext: ...}}. Anything else is reported, and an
     * empty plaintext stands in for it.
     */
    private SecretExpr secret() {
        if (args instanceof ObjectExpr obj && obj.entries().size() == 1) {
            ObjectProperty only = obj.entries().get(0);
            if (only.key().value().equals("ciphertext") && only.value() instanceof StringExpr ciphertext) {
                return new SecretExpr(node, name, obj, null, ciphertext);
            }
        }
        if (args instanceof StringExpr plaintext) {
            return new SecretExpr(node, name, plaintext, plaintext, null);
        }
        error(args, "secret values must be string literals");
        StringExpr empty = StringExpr.synthetic("");
        return new SecretExpr(node, name, empty, empty, null);
    }

    private ValidateExpr validate() {
        if (!(args instanceof ObjectExpr obj)) {
            error(args, "the argument to fn::validate must be an object containing 'schema' and 'value'");
            return new ValidateExpr(node, name, args, null, null);
        }
        Expr schema = lastValue(obj, "schema");
        Expr value = lastValue(obj, "value");
        if (schema == null) {
            error(obj, "missing required property 'schema'");
        }
        if (value == null) {
            error(obj, "missing required property 'value'");
        }
        return new ValidateExpr(node, name, obj, schema, value);
    }

    /** The value of the last entry with the given key (a repeated key overrides earlier ones), or null. */
    private static Expr lastValue(ObjectExpr obj, String key) {
        Expr found = null;
        for (ObjectProperty entry : obj.entries()) {
            if (entry.key().value().equals(key)) {
                found = entry.value();
            }
        }
        return found;
    }

    private void error(Expr at, String summary) {
        diags.add(exprError(at, summary));
    }
}
