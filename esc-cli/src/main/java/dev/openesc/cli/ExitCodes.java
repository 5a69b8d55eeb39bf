package dev.openesc.cli;

/**
 * The exit statuses of {@code esc}. {@code esc run} passes its child's status through instead (128+N when signal N
 * ended it), except for the statuses below that esc itself causes.
 */
public final class ExitCodes {
    /** Everything went as asked. */
    public static final int OK = 0;
    /** esc failed: unknown environment, invalid definition, unreachable server, ... (one line on stderr). */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: unknown flag, missing argument (usage on stderr). */
    public static final int USAGE = 2;
    /** {@code esc run}: the command exists but cannot be executed. */
    public static final int NOT_EXECUTABLE = 126;
    /** {@code esc run}: the command is not found. */
    public static final int NOT_FOUND = 127;

    private ExitCodes() {}
}
