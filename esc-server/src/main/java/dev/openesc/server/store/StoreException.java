package dev.openesc.server.store;

/**
 * What can go wrong in the store, as far as a caller should care: the thing is not there, someone else
 * changed it first (or it already exists), or the database could not be reached. Anything else is a bug.
 */
public abstract sealed class StoreException extends RuntimeException {

    private StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The named entity does not exist (or no longer exists, like an expired session). */
    public static final class NotFound extends StoreException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** A write lost a race (stale revision or etag) or would create something that already exists. */
    public static sealed class Conflict extends StoreException permits DeletionProtected {
        public Conflict(String message) {
            super(message, null);
        }

        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The environment's deletion protection is on: the delete was refused and nothing changed. */
    public static final class DeletionProtected extends Conflict {
        public DeletionProtected(String message) {
            super(message);
        }
    }

    /** The database failed or could not be reached; the write, if any, was rolled back. */
    public static final class StoreUnavailable extends StoreException {
        public StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
