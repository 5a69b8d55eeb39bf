package dev.openesc.server.store;

import java.time.Instant;

/**
 * One stored revision of an environment's definition. The definition is the YAML text exactly as
 * written (secrets already in ciphertext form); the store never parses it.
 *
 * @param etag the entity tag of this revision, see {@link EnvironmentInfo#etag()}
 */
public record Revision(EnvironmentId environment, long number, String etag, Instant created,
                       String creatorLogin, String creatorName, byte[] definition) {
}
