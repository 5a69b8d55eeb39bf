package dev.openesc.providers.identity;

/**
 * A token cannot be issued: an unknown subject attribute, a bad lifetime, or no signing key yet. The
 * message is safe to show to the user of the environment; it never holds a key or a token.
 */
public final class IdentityTokenException extends RuntimeException {

    public IdentityTokenException(String message) {
        super(message);
    }

    public IdentityTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
