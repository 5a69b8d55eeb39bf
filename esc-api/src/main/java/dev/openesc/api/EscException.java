package dev.openesc.api;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.Environment;
import java.util.List;

/**
 * Everything an {@link EscService} call can fail with, as far as a caller should care. Each subclass names
 * what failed; the REST layer maps them to HTTP statuses in one place (NotFound 404, Conflict 409,
 * InvalidRequest 400, Unauthorized 401, Forbidden 403, EvaluationFailed 400 with diagnostics, TooLarge 413,
 * Unavailable 503). Messages are safe to show to the caller: they never contain a secret or a stack trace.
 */
public abstract sealed class EscException extends RuntimeException {

    private EscException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The named thing does not exist, or the caller may not know that it exists (an organization the
     * caller is not a member of reads exactly like one that does not exist), or it expired (an open session).
     */
    public static final class NotFound extends EscException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The write lost a race (stale etag or revision), or would create something that already exists. */
    public static sealed class Conflict extends EscException permits DeletionProtected {
        public Conflict(String message) {
            super(message, null);
        }
    }

    /**
     * The environment cannot be deleted while its {@code deletion-protected} setting is on
     * ({@link EnvironmentSettings#deletionProtected()}); nothing was deleted. A Conflict (HTTP 409), as Pulumi
     * Cloud answers it, so a caller that knows only Conflict still reads it right.
     */
    public static final class DeletionProtected extends Conflict {
        public DeletionProtected(String message) {
            super(message);
        }
    }

    /** The request itself is wrong: a bad name, duration, property path, version, page token, ... */
    public static final class InvalidRequest extends EscException {
        public InvalidRequest(String message) {
            super(message, null);
        }
    }

    /** No credentials, or credentials that are unknown, revoked or expired. */
    public static final class Unauthorized extends EscException {
        public Unauthorized(String message) {
            super(message, null);
        }
    }

    /** The caller is known and may see the organization, but lacks the permission the operation needs. */
    public static final class Forbidden extends EscException {
        private final Permission missing;

        public Forbidden(String message, Permission missing) {
            super(message, null);
            this.missing = missing;
        }

        /** The permission the caller lacks. */
        public Permission missing() {
            return missing;
        }
    }

    /**
     * A definition does not parse or does not evaluate. {@link #diagnostics()} holds every problem found
     * (errors and warnings, with source ranges); {@link #environment()} is what evaluation produced despite
     * them (null when nothing could be evaluated), which a check answers together with the diagnostics.
     */
    public static final class EvaluationFailed extends EscException {
        private final transient List<Diagnostic> diagnostics;
        private final transient Environment environment;

        public EvaluationFailed(String message, List<Diagnostic> diagnostics, Environment environment) {
            super(message, null);
            this.diagnostics = List.copyOf(diagnostics);
            this.environment = environment;
        }

        public EvaluationFailed(String message, List<Diagnostic> diagnostics) {
            this(message, diagnostics, null);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }

        /** The partially evaluated environment, or null. */
        public Environment environment() {
            return environment;
        }
    }

    /** A definition (or another request body) exceeds the configured size limit. */
    public static final class TooLarge extends EscException {
        public TooLarge(String message) {
            super(message, null);
        }
    }

    /** The backend (database, key service, remote server) failed or could not be reached; retry later. */
    public static final class Unavailable extends EscException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
