package dev.openesc.core.conformance;

import static dev.openesc.core.schema.TestSchemas.provider;
import static dev.openesc.core.schema.TestSchemas.rotator;

import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.provider.Rotator;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/**
 * The providers and rotators the reference's evaluator tests register, by the names the corpus uses:
 * {@code fn::open::test|secret-wrapper|error|schema|bench} and {@code fn::rotate::swap|echo}. Their schemas are
 * part of the expected output (they appear as {@code argSchema} and expression schemas), so they come from the one
 * fixture {@link dev.openesc.core.schema.TestSchemas}, which {@code TestProvidersTest} checks against the corpus.
 */
public final class TestProviders implements ProviderLoader {

    @Override
    public Provider loadProvider(String name) throws ProviderException {
        return switch (name) {
            case "test", "schema" -> new Echo(provider(name, "inputs"), provider(name, "outputs"), false);
            case "secret-wrapper" -> new Echo(provider(name, "inputs"), provider(name, "outputs"), true);
            case "error" -> new Failing(provider(name, "inputs"), provider(name, "outputs"));
            // a benchmark fixture's provider: no case has expectations for it, so it echoes like test
            case "bench" -> new Echo(Schema.always(), Schema.always(), false);
            default -> throw new ProviderException("unknown provider \"" + name + "\"");
        };
    }

    @Override
    public Rotator loadRotator(String name) throws ProviderException {
        return switch (name) {
            case "swap" -> new TestRotators.Swap(rotator(name, "inputs"), rotator(name, "state"), rotator(name, "outputs"));
            case "echo" -> new TestRotators.Echo(rotator(name, "inputs"), rotator(name, "state"), rotator(name, "outputs"));
            default -> throw new ProviderException("unknown rotator \"" + name + "\"");
        };
    }

    /** {@code test} and {@code schema} return their inputs; {@code secret-wrapper} returns them marked secret. */
    record Echo(Schema inputSchema, Schema outputSchema, boolean secret) implements Provider {
        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) {
            Value out = Value.ofMap(inputs);
            return secret ? out.makeSecret() : out;
        }
    }

    /** {@code error}: takes {@code {why: string}} and fails with {@code why} as the message. */
    record Failing(Schema inputSchema, Schema outputSchema) implements Provider {
        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException {
            Value why = inputs.get("why");
            throw new ProviderException(why == null ? "" : String.valueOf(why.value()));
        }
    }
}
