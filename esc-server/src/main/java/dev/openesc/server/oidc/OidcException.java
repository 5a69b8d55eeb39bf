package dev.openesc.server.oidc;

/**
 * A token cannot be issued: an unknown subject attribute, a bad lifetime, or no signing key yet. The
 * message is safe to show to the user of the environment; it never holds a key or a token.
 */
public final class OidcException extends RuntimeException {

    public OidcException(String message) {
        super(message);
    }

    public OidcException(String message, Throwable cause) {
        super(message, cause);
    }
}
