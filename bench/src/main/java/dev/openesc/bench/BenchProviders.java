package dev.openesc.bench;

import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.provider.Rotator;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/**
 * The providers the benchmarks need: {@code fn::open::bench}, which the corpus fixture calls ten times. The reference
 * uses it to simulate a slow provider; here it answers at once so that only the language's own cost is measured.
 */
final class BenchProviders implements ProviderLoader {
    static final BenchProviders INSTANCE = new BenchProviders();

    private static final Provider BENCH = new Provider() {
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
    };

    @Override
    public Provider loadProvider(String name) throws ProviderException {
        if (name.equals("bench")) {
            return BENCH;
        }
        throw new ProviderException("unknown provider \"" + name + "\"");
    }

    @Override
    public Rotator loadRotator(String name) throws ProviderException {
        throw new ProviderException("unknown rotator \"" + name + "\"");
    }
}
