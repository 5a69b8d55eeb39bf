package dev.openesc.core.provider;

/**
 * An imported environment could not be loaded. The message is reported verbatim on the import, e.g.
 * {@code open testdata/eval/inline-reference/foo/unknown.yaml: no such file or directory}.
 */
public class EnvironmentLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnvironmentLoadException(String message) {
        super(message);
    }

    public EnvironmentLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
