package dev.openesc.cli.backend;

/**
 * A failure a backend reports about the caller's request, worded for the user ("not found", "already exists").
 * The message never carries a secret.
 */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request failed, to pick an exit code and to let commands react to a specific case. */
    public enum Kind { NOT_FOUND, CONFLICT, DELETION_PROTECTED, FORBIDDEN, INVALID, UNAVAILABLE, UNAUTHORIZED, OTHER }

    private final Kind kind;

    public BackendException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BackendException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
