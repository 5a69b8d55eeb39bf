package dev.openesc.core.provider;

/**
 * A provider, rotator or loader could not do what was asked. The message is shown to the user verbatim as a
 * diagnostic on the expression that caused the call, so it should be a complete sentence fragment without a
 * stack-trace flavour (e.g. {@code unknown provider "foo"}).
 */
public class ProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
