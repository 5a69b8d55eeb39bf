package dev.openesc.core.eval;

import dev.openesc.core.syntax.encoding.PathText;
import dev.openesc.core.schema.GoText;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.Rotator;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Evaluation of the builtin functions ({@code fn::...}). */
final class Builtins {
    private final EvalContext e;

    Builtins(EvalContext e) {
        this.e = e;
    }

    EvalValue evaluate(ExprNode x, Repr.Builtin b) {
        return switch (b.kind) {
            case OPEN -> open(x, b);
            case ROTATE -> rotate(x, b);
            case SECRET -> secret(x, b);
            case JOIN -> join(x, b);
            case SPLIT -> split(x, b);
            case CONCAT -> concat(x, b);
            case TO_JSON -> toJson(x, b);
            case FROM_JSON -> fromJson(x, b);
            case TO_STRING -> toStringFn(x, b);
            case TO_BASE64 -> toBase64(x, b);
            case FROM_BASE64 -> fromBase64(x, b);
            case FINAL -> finalFn(x, b);
            case VALIDATE -> validate(x, b);
        };
    }

    private String providerName(Repr.Builtin b) {
        if (b.node instanceof dev.openesc.core.ast.OpenExpr o) {
            return o.provider() == null ? null : o.provider().value();
        }
        if (b.node instanceof dev.openesc.core.ast.RotateExpr r) {
            return r.provider() == null ? null : r.provider().value();
        }
        return null;
    }

    private EvalValue open(ExprNode x, Repr.Builtin b) {
        String name = providerName(b);
        if (name == null) {
            return EvalValue.unknown(x, SchemaOps.always());
        }
        Provider provider = null;
        try {
            provider = e.providers.loadProvider(name);
            b.inputSchema = usable(b, "input schema", provider.inputSchema(), b.inputSchema);
            x.schema = usable(b, "schema", provider.outputSchema(), x.schema);
        } catch (ProviderException ex) {
            e.diags.exprError(b.node, ex.getMessage());
        }
        EvalValue v = new EvalValue(x, x.schema);

        EvalContext.Typed inputs = e.evaluateTyped(b.arg("inputs"), b.inputSchema);
        if (!inputs.ok() || inputs.value().containsUnknowns() || e.validating() || provider == null) {
            return unknown(v);
        }
        try {
            Value out = provider.open(asObject(Exporter.exportValue(inputs.value(), "")), e.execContext);
            return Unexport.fromValue(out, x);
        } catch (ProviderException | RuntimeException ex) {
            return failed(v, b, "", ex);
        }
    }

    private static Map<String, Value> asObject(Value v) {
        Map<String, Value> m = v.asMap();
        return m == null ? Map.of() : m;
    }

    private EvalValue rotate(ExprNode x, Repr.Builtin b) {
        String name = providerName(b);
        if (name == null) {
            return EvalValue.unknown(x, SchemaOps.always());
        }
        Rotator rotator = null;
        try {
            rotator = e.providers.loadRotator(name);
            b.inputSchema = usable(b, "input schema", rotator.inputSchema(), b.inputSchema);
            Schema state = SchemaOps.oneOf(rotator.stateSchema(), SchemaOps.nul());
            b.stateSchema = usable(b, "state schema", state, b.stateSchema);
            x.schema = usable(b, "schema", rotator.outputSchema(), x.schema);
        } catch (ProviderException ex) {
            e.diags.exprError(b.node, ex.getMessage());
        }
        EvalValue v = new EvalValue(x, x.schema);

        EvalContext.Typed inputs = e.evaluateTyped(b.arg("inputs"), b.inputSchema);
        EvalContext.Typed state = e.evaluateTyped(b.arg("state"), b.stateSchema);

        boolean[] inputsUnknown = {false};
        inputs.value().walk(iv -> {
            if (iv.unknown && !iv.rotateOnly) {
                inputsUnknown[0] = true;
            }
        });
        if (!inputs.ok() || inputsUnknown[0] || !state.ok() || state.value().containsUnknowns() || e.validating()
                || rotator == null) {
            return unknown(v);
        }

        String docPath = Diags.pathOf(b.node);
        EvalValue stateValue = state.value();
        boolean rotatingThis = shouldRotate(docPath);
        try {
            if (rotatingThis) {
                Value newState = rotator.rotate(asObject(Exporter.exportValue(inputs.value(), "")),
                        asObjectOrNull(Exporter.exportValue(stateValue, "")), e.execContext);
                e.patches.add(new Patch(PathText.joinKey(docPath, b.node.name().value()) + ".state", newState));
                stateValue = Unexport.fromValue(newState, x);
            }
        } catch (ProviderException | RuntimeException ex) {
            return failed(v, b, "rotate: ", ex);
        }
        try {
            Map<String, Value> openInputs = asObject(Exporter.exportValue(inputs.value(), ""));
            if (!b.inputSchema.isBoolean() && !b.inputSchema.rotateOnly().isEmpty()) {
                // rotate-only inputs are only meant for rotation; opening must not see them
                openInputs = new java.util.TreeMap<>(openInputs);
                openInputs.keySet().removeAll(b.inputSchema.rotateOnly());
            }
            Value out = rotator.open(openInputs, asObjectOrNull(Exporter.exportValue(stateValue, "")),
                    e.execContext);
            return Unexport.fromValue(out, x);
        } catch (ProviderException | RuntimeException ex) {
            return failed(v, b, "", ex);
        }
    }

    private static Map<String, Value> asObjectOrNull(Value v) {
        return v.asMap();
    }

    private boolean shouldRotate(String docPath) {
        if (!e.rotating) {
            return false;
        }
        return e.rotatePaths.isEmpty() || e.rotatePaths.contains(docPath);
    }

    private EvalValue secret(ExprNode x, Repr.Builtin b) {
        ExprNode plaintext = b.arg("plaintext");
        if (plaintext != null) {
            return e.evaluateExpr(plaintext, SchemaOps.string());
        }
        EvalValue v = new EvalValue(x, x.schema);
        v.secret = true;
        dev.openesc.core.ast.SecretExpr node = (dev.openesc.core.ast.SecretExpr) b.node;
        byte[] ciphertext;
        try {
            ciphertext = dev.openesc.core.crypt.CiphertextEnvelope.open(
                    node.ciphertext() == null ? "" : node.ciphertext().value());
        } catch (dev.openesc.core.crypt.CryptException ex) {
            e.diags.exprError(b.node, ex.getMessage());
            return unknown(v);
        }
        if (!e.decryptSecrets()) {
            return unknown(v);
        }
        try {
            Decrypter d = e.decrypter;
            byte[] plain = d.decrypt(ciphertext);
            v.repr = new String(plain, StandardCharsets.UTF_8);
        } catch (Exception ex) {
            e.diags.exprError(b.node, "decrypting: " + ex.getMessage());
            v.unknown = true;
        }
        return v;
    }

    private EvalValue join(ExprNode x, Repr.Builtin b) {
        EvalContext.Typed delim = e.evaluateTyped(b.arg("delimiter"), SchemaOps.string());
        EvalContext.Typed values = e.evaluateTyped(b.arg("values"), SchemaOps.arrayOfString());
        EvalValue v = resultOver(x, delim, values);
        if (!v.unknown) {
            StringBuilder s = new StringBuilder();
            String d = (String) delim.value().repr;
            List<EvalValue> items = values.value().list();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    s.append(d);
                }
                s.append((String) items.get(i).repr);
            }
            v.repr = s.toString();
        }
        return v;
    }

    private EvalValue split(ExprNode x, Repr.Builtin b) {
        EvalContext.Typed delim = e.evaluateTyped(b.arg("delimiter"), SchemaOps.string());
        EvalContext.Typed str = e.evaluateTyped(b.arg("string"), SchemaOps.string());
        EvalValue v = resultOver(x, delim, str);
        if (!v.unknown) {
            List<String> parts = goSplit((String) str.value().repr, (String) delim.value().repr);
            List<EvalValue> out = new ArrayList<>(parts.size());
            for (String p : parts) {
                EvalValue ev = new EvalValue(x, SchemaOps.string());
                ev.repr = p;
                ev.secret = v.secret;
                out.add(ev);
            }
            v.repr = out;
        }
        return v;
    }

    /** Splitting as Go's strings.Split: an empty separator splits into UTF-8 sequences (code points). */
    static List<String> goSplit(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                out.add(s.substring(from));
                return out;
            }
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
    }

    private EvalValue concat(ExprNode x, Repr.Builtin b) {
        EvalContext.Typed arrays = e.evaluateTyped(b.arg("arrays"), SchemaOps.arrayOf(SchemaOps.arrayOfAny()));
        EvalValue v = resultOver(x, arrays);
        if (!v.unknown) {
            List<EvalValue> out = new ArrayList<>();
            for (EvalValue a : arrays.value().list()) {
                out.addAll(a.list());
            }
            v.repr = out;
        }
        return v;
    }

    private EvalValue toJson(ExprNode x, Repr.Builtin b) {
        EvalValue v = new EvalValue(x, x.schema);
        EvalValue value = e.evaluateExpr(b.arg("value"), SchemaOps.always());
        v.combine(value);
        if (!v.unknown) {
            v.repr = GoText.json(Exporter.exportValue(value, "").toJson(false));
        }
        return v;
    }

    private EvalValue fromJson(ExprNode x, Repr.Builtin b) {
        EvalContext.Typed str = e.evaluateTyped(b.arg("string"), SchemaOps.string());
        EvalValue v = resultOver(x, str);
        if (!v.unknown) {
            Value parsed;
            try {
                parsed = GoJson.parse((String) str.value().repr);
            } catch (IllegalArgumentException ex) {
                e.diags.exprError(b.node, "decoding JSON string: " + ex.getMessage());
                return unknown(v);
            }
            if (v.secret) {
                parsed = parsed.makeSecret();
            }
            return Unexport.fromValue(parsed, x);
        }
        return v;
    }

    private EvalValue toStringFn(ExprNode x, Repr.Builtin b) {
        EvalValue v = new EvalValue(x, x.schema);
        EvalValue value = e.evaluateExpr(b.arg("value"), SchemaOps.always());
        EvalValue.Str s = value.toStr();
        v.unknown = s.unknown();
        v.secret = s.secret();
        v.rotateOnly = s.rotateOnly();
        if (!s.unknown()) {
            v.repr = s.text();
        }
        return v;
    }

    private EvalValue toBase64(ExprNode x, Repr.Builtin b) {
        EvalContext.Typed str = e.evaluateTyped(b.arg("value"), SchemaOps.string());
        EvalValue v = resultOver(x, str);
        if (!v.unknown) {
            v.repr = Base64.getEncoder().encodeToString(((String) str.value().repr).getBytes(StandardCharsets.UTF_8));
        }
        return v;
    }

    private EvalValue fromBase64(ExprNode x, Repr.Builtin b) {
        EvalContext.Typed str = e.evaluateTyped(b.arg("string"), SchemaOps.string());
        EvalValue v = resultOver(x, str);
        if (!v.unknown) {
            try {
                byte[] bytes = Base64.getDecoder().decode((String) str.value().repr);
                v.repr = new String(bytes, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ex) {
                e.diags.exprError(b.node, "decoding base64 string: " + ex.getMessage());
                v.unknown = true;
            }
        }
        return v;
    }

    private EvalValue finalFn(ExprNode x, Repr.Builtin b) {
        EvalValue inner = e.evaluateExpr(b.arg("value"), SchemaOps.always());
        EvalValue v = EvalValue.copyOf(inner);
        v.def = x;
        v.isFinal = true;
        return v;
    }

    /**
     * {@code fn::validate}: checks the value against the schema given as a (fully known) JSON value. The result is
     * the value when it conforms, unknown (with the schema) when it does not or when either part is unknown.
     */
    private EvalValue validate(ExprNode x, Repr.Builtin b) {
        EvalValue schemaValue = e.evaluateExpr(b.arg("schema"), SchemaOps.always());
        EvalValue inner = e.evaluateExpr(b.arg("value"), SchemaOps.always());
        if (schemaValue.containsUnknowns()) {
            return EvalValue.unknown(x, SchemaOps.always());
        }
        Schema schema;
        try {
            Object plain = Exporter.exportValue(schemaValue, "").toJson(false);
            schema = Schema.fromJson(dev.openesc.core.schema.JsonValues.toJsonNode(plain));
        } catch (RuntimeException ex) {
            e.diags.exprError(b.arg("schema").syntax(), "invalid schema: " + ex.getMessage());
            return EvalValue.unknown(x, SchemaOps.always());
        }
        String err = SchemaOps.compile(schema);
        if (err != null) {
            e.diags.exprError(b.arg("schema").syntax(), "invalid schema: " + err);
            return EvalValue.unknown(x, SchemaOps.always());
        }
        Validator validator = new Validator();
        boolean ok = validator.validateValue(inner, schema, false);
        e.diags.addAll(validator.diags.list);
        if (!ok) {
            return EvalValue.unknown(x, schema);
        }
        EvalValue v = EvalValue.copyOf(inner);
        v.def = x;
        return v;
    }

    /**
     * A provider's or rotator's schema if it compiles; otherwise the failure is reported on the builtin as an
     * internal error and {@code current} (the schema in force so far) stays.
     */
    private Schema usable(Repr.Builtin b, String what, Schema schema, Schema current) {
        String err = SchemaOps.compile(schema);
        if (err == null) {
            return schema;
        }
        e.diags.exprError(b.node, "internal error: invalid " + what + " (" + err + ")");
        return current;
    }

    /**
     * Reports a failed provider or rotator call on the builtin: a {@link ProviderException}'s message as it is, any
     * other failure as an internal error. The value stays unknown.
     */
    private EvalValue failed(EvalValue v, Repr.Builtin b, String prefix, Exception ex) {
        String kind = ex instanceof ProviderException ? "" : "internal error: ";
        e.diags.exprError(b.node, prefix + kind + ex.getMessage());
        return unknown(v);
    }

    private static EvalValue unknown(EvalValue v) {
        v.unknown = true;
        return v;
    }

    /**
     * The result of a builtin over its type-checked arguments, before the builtin computes anything: unknown when an
     * argument failed its check, otherwise as unknown and as secret as its arguments.
     */
    private static EvalValue resultOver(ExprNode x, EvalContext.Typed... args) {
        EvalValue v = new EvalValue(x, x.schema);
        for (EvalContext.Typed arg : args) {
            if (!arg.ok()) {
                return unknown(v);
            }
        }
        for (EvalContext.Typed arg : args) {
            v.combine(arg.value());
        }
        return v;
    }
}
