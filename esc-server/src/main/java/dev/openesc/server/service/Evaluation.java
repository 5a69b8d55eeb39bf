package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.api.EscException;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.eval.ParsedDefinitions;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one definition for one caller in one organization: decoding and parsing, then the evaluator
 * with the organization's decrypter, its environments as imports, the providers, and the execution
 * context {@code context.pulumi.user} / {@code context.pulumi.organization} (the evaluator adds
 * {@code currentEnvironment} and {@code rootEnvironment}). Errors fail with EvaluationFailed; warnings
 * come back with the result.
 */
final class Evaluation {

    /** What an evaluation produced: the environment (null when the definition is empty) and its warnings. */
    record Outcome(Environment environment, List<Diagnostic> warnings) {
    }

    private final String name;
    private final OrgSecrets secrets;
    private final ProviderLoader providers;
    private final EnvironmentLoader environments;
    private final ExecContext context;
    private final ParsedDefinitions definitions;

    /** {@code definitions}: the server's cache of parsed definitions, for the root and every import. */
    Evaluation(String name, String org, Caller caller, OrgSecrets secrets, ProviderLoader providers,
               EnvironmentLoader environments, ParsedDefinitions definitions) {
        this.name = name;
        this.definitions = definitions;
        this.secrets = secrets;
        this.providers = providers;
        this.environments = environments;
        this.context = ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of(
                "user", Value.ofMap(Map.of("id", Value.ofString(caller.login()),
                        "login", Value.ofString(caller.login()))),
                "organization", Value.ofMap(Map.of("login", Value.ofString(org)))))));
    }

    /** Evaluates without opening providers; with {@code keepPartial}, a failure carries what was evaluated. */
    Outcome check(byte[] yaml, boolean showSecrets, boolean keepPartial) {
        Parsed parsed = parse(yaml);
        if (parsed.request() == null) {
            return new Outcome(null, parsed.diagnostics().asList());
        }
        return outcome(Evaluator.check(parsed.request(), showSecrets), parsed.diagnostics(), keepPartial);
    }

    /** Evaluates and opens providers. A failure never carries the environment: it may hold plaintext. */
    Outcome open(byte[] yaml) {
        Parsed parsed = parse(yaml);
        if (parsed.request() == null) {
            return new Outcome(null, parsed.diagnostics().asList());
        }
        return outcome(Evaluator.evaluate(parsed.request()), parsed.diagnostics(), false);
    }

    /** The evaluation request (null when the definition declares nothing) and the parser's diagnostics. */
    private record Parsed(EvalRequest request, Diagnostics diagnostics) {
    }

    private Parsed parse(byte[] yaml) {
        Loader.Loaded loaded = definitions.load(name, yaml);
        if (loaded.decl() == null) {
            if (loaded.diagnostics().hasErrors()) {
                throw failed(loaded.diagnostics(), null);
            }
            return new Parsed(null, loaded.diagnostics());
        }
        return new Parsed(new EvalRequest(name, loaded.decl(), secrets, providers, environments, context,
                definitions),
                loaded.diagnostics());
    }

    private Outcome outcome(EvalResult result, Diagnostics parsed, boolean keepPartial) {
        Diagnostics all = new Diagnostics();
        all.addAll(parsed);
        all.addAll(result.diagnostics());
        if (all.hasErrors()) {
            throw failed(all, keepPartial ? result.environment() : null);
        }
        return new Outcome(result.environment(), all.asList());
    }

    private static EscException.EvaluationFailed failed(Diagnostics diagnostics, Environment partial) {
        long errors = diagnostics.asList().stream().filter(Diagnostic::isError).count();
        return new EscException.EvaluationFailed(errors == 1 ? "the definition has an error"
                : "the definition has " + errors + " errors", diagnostics.asList(), partial);
    }
}
