package dev.openesc.core.conformance;

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
 * part of the expected output (they appear as {@code argSchema} and expression schemas), so they must be exact.
 */
final class TestProviders implements ProviderLoader {

    @Override
    public Provider loadProvider(String name) throws ProviderException {
        return switch (name) {
            case "test" -> new Echo(false);
            case "secret-wrapper" -> new Echo(true);
            case "error" -> new Failing();
            case "schema" -> new SchemaProvider();
            case "bench" -> new Bench();
            default -> throw new ProviderException("unknown provider \"" + name + "\"");
        };
    }

    @Override
    public Rotator loadRotator(String name) throws ProviderException {
        return switch (name) {
            case "swap" -> new TestRotators.Swap();
            case "echo" -> new TestRotators.Echo();
            default -> throw new ProviderException("unknown rotator \"" + name + "\"");
        };
    }

    /** {@code test} returns its inputs; {@code secret-wrapper} returns them marked secret. Anything goes in and out. */
    record Echo(boolean secret) implements Provider {
        @Override
        public Schema inputSchema() {
            return Schema.always();
        }

        @Override
        public Schema outputSchema() {
            return Schema.always();
        }

        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) {
            Value out = Value.ofMap(inputs);
            return secret ? out.makeSecret() : out;
        }
    }

    /** {@code error}: takes {@code {why: string}} and fails with {@code why} as the message. */
    static final class Failing implements Provider {
        @Override
        public Schema inputSchema() {
            return Schema.record(Map.of("why", Schema.string())).build();
        }

        @Override
        public Schema outputSchema() {
            return Schema.always();
        }

        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException {
            Value why = inputs.get("why");
            throw new ProviderException(why == null ? "" : String.valueOf(why.value()));
        }
    }

    /** {@code bench}: a benchmark fixture's provider; no case has expectations for it, so it just echoes. */
    static final class Bench implements Provider {
        @Override
        public Schema inputSchema() {
            return Schema.always();
        }

        @Override
        public Schema outputSchema() {
            return Schema.always();
        }

        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) {
            return Value.ofMap(inputs);
        }
    }

    /** {@code schema}: echoes inputs that must satisfy {@link TestSchemas#everyKeyword()}. */
    static final class SchemaProvider implements Provider {
        @Override
        public Schema inputSchema() {
            return TestSchemas.everyKeyword();
        }

        @Override
        public Schema outputSchema() {
            return TestSchemas.everyKeyword();
        }

        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) {
            return Value.ofMap(inputs);
        }
    }
}
