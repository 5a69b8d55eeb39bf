package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.core.ast.EnvironmentDecl;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.crypt.Rot128;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.eval.Patch;
import dev.openesc.core.eval.RotateResult;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.core.value.WireJson;
import java.util.List;
import java.util.Map;

/**
 * The real environment language behind the harness's seam: OpenESC's loader and evaluator, run with the reference
 * harness's fixtures (test providers and rotators, the case folder as the environment store, the rot128 decrypter
 * and the {@code pulumi.user.id} execution context). Results go through the project's own wire encoder
 * ({@link WireJson}) and plain-JSON conversion ({@link Value#toJson}), so the comparison also checks those.
 */
final class OpenEscLanguage implements LanguageUnderTest<EnvironmentDecl> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The decrypter of the reference's tests: each byte plus 128 (the crypt package's test cipher). */
    static final Decrypter ROT128 = Rot128.INSTANCE;

    /** The execution context the reference's harness passes: {@code {"pulumi": {"user": {"id": "USER_123"}}}}. */
    static ExecContext executionContext() {
        Value user = Value.ofMap(Map.of("id", Value.ofString("USER_123")));
        return ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of("user", user))));
    }

    private static EvalRequest request(EvalCase evalCase, EnvironmentDecl decl) {
        return new EvalRequest(evalCase.environmentName(), decl, ROT128, new TestProviders(),
                new CaseEnvironments(evalCase.dir(), evalCase.folder(), ROT128), executionContext());
    }

    @Override
    public Loading<EnvironmentDecl> load(String name, byte[] source) {
        Loader.Loaded loaded = Loader.load(name, source);
        return new Loading<>(loaded.decl(), list(loaded.diagnostics()));
    }

    @Override
    public Outcome check(EvalCase evalCase, EnvironmentDecl decl, boolean showSecrets) {
        EvalResult result = Evaluator.check(request(evalCase, decl), showSecrets);
        return outcome(result.environment(), null, result.diagnostics());
    }

    @Override
    public Outcome evaluate(EvalCase evalCase, EnvironmentDecl decl) {
        EvalResult result = Evaluator.evaluate(request(evalCase, decl));
        return outcome(result.environment(), null, result.diagnostics());
    }

    @Override
    public Outcome rotate(EvalCase evalCase, EnvironmentDecl decl, List<String> paths) {
        RotateResult result = Evaluator.rotate(request(evalCase, decl), paths);
        return outcome(result.environment(), patches(result.patches()), result.diagnostics());
    }

    private static Outcome outcome(Environment env, JsonNode patches, Diagnostics diagnostics) {
        if (env == null) {
            return new Outcome(null, null, null, patches, list(diagnostics));
        }
        Value properties = Value.ofMap(env.properties() == null ? Map.of() : env.properties());
        return new Outcome(
                JsonTrees.parse(WireJson.toJson(env)),
                plain(properties, true),
                plain(properties, false),
                patches,
                list(diagnostics));
    }

    private static JsonNode plain(Value value, boolean redact) {
        return JsonTrees.parse(WireJson.plainToString(value.toJson(redact)));
    }

    /** Patches in the reference's shape: {@code [{"DocPath": ..., "Replacement": <wire value>}]}. */
    private static JsonNode patches(List<Patch> patches) {
        ArrayNode out = JSON.arrayNode();
        if (patches != null) {
            for (Patch p : patches) {
                ObjectNode o = JSON.objectNode();
                o.put("DocPath", p.docPath());
                o.set("Replacement", JsonTrees.parse(WireJson.toJson(p.replacement())));
                out.add(o);
            }
        }
        return out;
    }

    private static List<Diagnostic> list(Diagnostics diagnostics) {
        return diagnostics == null ? List.of() : diagnostics.asList();
    }
}
