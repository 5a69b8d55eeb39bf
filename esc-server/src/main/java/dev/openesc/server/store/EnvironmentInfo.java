package dev.openesc.server.store;

import java.time.Instant;

/**
 * An environment as listed: its name, when it was created and last changed, and its newest revision.
 *
 * @param storeId an opaque id, new for every creation, so a deleted and re-created environment never
 *                answers an etag of its predecessor
 */
public record EnvironmentInfo(EnvironmentId id, String storeId, long headRevision, Instant created,
                              Instant modified) {

    /** The entity tag of the current definition; changes with every new revision. */
    public String etag() {
        return storeId + "-" + headRevision;
    }
}
