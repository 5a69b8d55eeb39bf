package dev.openesc.cli;

/**
 * A failure of esc itself, reported to the user as one line {@code Error: <message>} and exit status 1 (or the
 * status given). The message never carries a secret.
 */
public class EscException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public EscException(String message) {
        this(message, ExitCodes.FAILURE);
    }

    public EscException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
