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
        } catch (StoreException.NotFound e) {
            throw new EscException.NotFound(e.getMessage());
        } catch (StoreException.DeletionProtected e) {
            throw new EscException.DeletionProtected(e.getMessage());
        } catch (StoreException.Conflict e) {
            throw new EscException.Conflict(e.getMessage());
        } catch (StoreException.StoreUnavailable e) {
            throw new EscException.Unavailable("the database is unavailable", e);
        } catch (CryptoException e) {
            throw new EscException.Unavailable("the key service is unavailable", e);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
