package dev.openesc.server.store;

import java.time.Instant;

/**
 * What the store records about a retracted revision.
 *
 * @param number      the retracted revision
 * @param replacement the revision its tags moved to
 * @param reason      free text, or null
 */
public record Retraction(long number, long replacement, Instant at, String byLogin, String byName, String reason) {
}
