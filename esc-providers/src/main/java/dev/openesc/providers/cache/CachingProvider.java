package dev.openesc.providers.cache;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ExpiringProvider;
import dev.openesc.providers.LoginContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An {@link ExpiringProvider} whose outputs are served from a {@link CredentialCache} while they stay fresh. */
public final class CachingProvider implements ExpiringProvider {

    private final String name;
    private final ExpiringProvider provider;
    private final CredentialCache cache;

    public CachingProvider(String name, ExpiringProvider provider, CredentialCache cache) {
        this.name = name;
        this.provider = provider;
        this.cache = cache;
    }

    @Override
    public Schema inputSchema() {
        return provider.inputSchema();
    }

    @Override
    public Schema outputSchema() {
        return provider.outputSchema();
    }

    @Override
    public Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException {
        CacheKey key = CacheKey.of(name, inputs, LoginContext.of(context));
        return cache.get(key, () -> provider.open(inputs, context), provider::expiresAt);
    }

    @Override
    public Optional<Instant> expiresAt(Value output) {
        return provider.expiresAt(output);
    }
}
