package dev.openesc.api;

import java.util.Objects;

/**
 * What an update expects the environment to be at. A stale expectation makes the update fail with
 * {@link EscException.Conflict} and change nothing.
 */
public sealed interface Precondition {

    /** Update whatever the current revision is. */
    static Precondition none() {
        return None.INSTANCE;
    }

    /** The entity tag from a previous read ({@code If-Match}, or the reference CLI's {@code ETag} header). */
    static Precondition etag(String etag) {
        return new IfMatch(etag);
    }

    /** The revision number a previous read answered. */
    static Precondition revision(long revision) {
        return new AtRevision(revision);
    }

    enum None implements Precondition {
        INSTANCE
    }

    /** @param etag quoted or not, weak ({@code W/}) or not */
    record IfMatch(String etag) implements Precondition {
        public IfMatch {
            Objects.requireNonNull(etag, "etag");
        }
    }

    record AtRevision(long revision) implements Precondition {
    }
}
