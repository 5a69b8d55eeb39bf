package dev.openesc.server;

import dev.openesc.api.EscService;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.server.service.AccessPolicy;
import dev.openesc.server.service.LocalEscService;
import dev.openesc.server.service.ServiceLimits;
import dev.openesc.server.store.Storage;

/** Builds the in-process {@link EscService} on the stores: the one line that names its implementation. */
final class ServiceWiring {

    private ServiceWiring() {
    }

    static EscService service(Storage storage, ServerConfig config, ProviderLoader providers) {
        return new LocalEscService(storage, providers, AccessPolicy.defaults(), ServiceLimits.defaults());
    }
}
