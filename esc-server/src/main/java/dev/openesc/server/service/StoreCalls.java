package dev.openesc.server.service;

import dev.openesc.api.EscException;
import dev.openesc.server.crypto.CryptoException;
import dev.openesc.server.store.StoreException;
import java.util.function.Supplier;

/**
 * Translates the store's failures into the API's: the store speaks of rows, the API of what failed. A
 * crypto failure here means keys cannot be unwrapped (a misconfigured master key), which the caller can
 * only wait out, so it is Unavailable; its detail goes to the server log, not to the caller.
 */
final class StoreCalls {

    private StoreCalls() {
    }

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException | CryptoException e) {
            throw translated(e);
        }
    }

    /**
     * The API's failure for a store's or the key service's; any other exception unchanged. The reads every CLI
     * command makes at start-up call the store in a {@code try} with this rather than through {@link #call}: each
     * lambda is linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).
     */
    static RuntimeException translated(RuntimeException e) {
        if (e instanceof StoreException.NotFound) {
            return new EscException.NotFound(e.getMessage());
        } else if (e instanceof StoreException.DeletionProtected) {
            return new EscException.DeletionProtected(e.getMessage());
        } else if (e instanceof StoreException.Conflict) {
            return new EscException.Conflict(e.getMessage());
        } else if (e instanceof StoreException.StoreUnavailable) {
            return new EscException.Unavailable("the database is unavailable", e);
        } else if (e instanceof CryptoException) {
            return new EscException.Unavailable("the key service is unavailable", e);
        }
        return e;
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
