package dev.openesc.cli.backend;

import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.provider.Rotator;
import java.util.function.Supplier;

/**
 * A provider loader made when an environment first calls a provider. Building the built-in providers loads their
 * cloud clients and JSON mapping (a few hundred classes); most commands open no provider at all, and should not
 * pay for them at every start.
 */
final class FirstUseProviders implements ProviderLoader {
    private final Supplier<? extends ProviderLoader> factory;
    private ProviderLoader loader;

    FirstUseProviders(Supplier<? extends ProviderLoader> factory) {
        this.factory = factory;
    }

    @Override
    public Provider loadProvider(String name) throws ProviderException {
        return loader().loadProvider(name);
    }

    @Override
    public Rotator loadRotator(String name) throws ProviderException {
        return loader().loadRotator(name);
    }

    /** Evaluations may run on several threads: the providers are made once. */
    private synchronized ProviderLoader loader() {
        if (loader == null) {
            loader = factory.get();
        }
        return loader;
    }
}
