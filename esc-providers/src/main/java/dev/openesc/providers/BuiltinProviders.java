package dev.openesc.providers;

import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.provider.Rotator;
import dev.openesc.providers.azure.AzureLogin;
import dev.openesc.providers.gcp.GcpLogin;
import dev.openesc.providers.aws.AwsLogin;
import dev.openesc.providers.cache.CachingProvider;
import dev.openesc.providers.cache.CredentialCache;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.oidc.LoginTokens;
import dev.openesc.providers.oidc.OidcProvider;
import dev.openesc.providers.vault.VaultLogin;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * The providers and rotators OpenESC ships, by the names environments call them ({@code fn::open::aws-login}).
 * The server builds one with its settings and its issuer; the local backend builds one too.
 */
public final class BuiltinProviders implements ProviderLoader {

    private final Map<String, Provider> providers = new TreeMap<>();
    private final Map<String, Rotator> rotators = new TreeMap<>();
    private final CredentialCache cache;

    public BuiltinProviders(ProviderSettings settings, IdentityTokens tokens, Clock clock) {
        // One line per provider; each provider owns its schema, its calls and its errors.
        providers.put(AwsLogin.NAME, new AwsLogin(settings, tokens));
        LoginTokens loginTokens = new LoginTokens(tokens);
        providers.put(AzureLogin.NAME, new AzureLogin(loginTokens, settings.azureAudience()));
        providers.put(GcpLogin.NAME, new GcpLogin(settings, loginTokens, clock));
        providers.put(VaultLogin.NAME, new VaultLogin(settings, loginTokens));
        providers.put(OidcProvider.NAME, new OidcProvider(loginTokens));
        // Credentials that expire are served from the cache until shortly before they do.
        cache = new CredentialCache(clock, CredentialCache.DEFAULT_CAPACITY);
        providers.replaceAll((name, provider) -> provider instanceof ExpiringProvider expiring
                ? new CachingProvider(name, expiring, cache) : provider);
    }

    /** How the credential cache has served so far. */
    public CredentialCache.Stats cacheStats() {
        return cache.stats();
    }

    /** The names of the providers, sorted. */
    public Iterable<String> providerNames() {
        return providers.keySet();
    }

    @Override
    public Provider loadProvider(String name) throws ProviderException {
        Provider provider = providers.get(name);
        if (provider == null) {
            throw new ProviderException("unknown provider \"" + name + "\"");
        }
        return provider;
    }

    @Override
    public Rotator loadRotator(String name) throws ProviderException {
        Rotator rotator = rotators.get(name);
        if (rotator == null) {
            throw new ProviderException("unknown rotator \"" + name + "\"");
        }
        return rotator;
    }
}
