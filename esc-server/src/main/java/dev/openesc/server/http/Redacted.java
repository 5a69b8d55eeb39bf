package dev.openesc.server.http;

import java.io.Serial;

/**
 * A copy of an exception chain that keeps the types and stacks but drops the messages, for logging
 * failures nobody anticipated: their messages could quote a definition or a value, and a log is no place
 * for a secret.
 */
final class Redacted extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private Redacted(Throwable original, Redacted cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Redacted of(Throwable original) {
        return copy(original, 0);
    }

    private static Redacted copy(Throwable original, int depth) {
        Throwable cause = original.getCause();
        Redacted copiedCause = cause == null || cause == original || depth > 20 ? null : copy(cause, depth + 1);
        return new Redacted(original, copiedCause);
    }

    @Override
    public String toString() {
        return getMessage() + " (message withheld)";
    }
}
