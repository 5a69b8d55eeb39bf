package dev.openesc.cli;

import dev.openesc.cli.backend.BackendException;
import dev.openesc.cli.env.SimpleForms;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one {@code esc} command line against a {@link Workspace} and returns its exit status. All user-facing
 * failures are mapped here, once: usage errors to {@link ExitCodes#USAGE}, esc's own failures to one line
 * {@code Error: ...} and {@link ExitCodes#FAILURE}. No stack trace reaches the user unless {@code ESC_DEBUG} is set.
 */
public final class Esc {
    private Esc() {}

    /** The whole command tree. */
    public static CommandLine commandLine(Workspace workspace) {
        return configure(CommandTree.full(workspace), workspace);
    }

    private static CommandLine configure(CommandLine cl, Workspace workspace) {
        cl.setOut(new PrintWriter(workspace.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(workspace.err(), true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Failures failures = new Failures(workspace);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionExceptionHandler(failures);
        return cl;
    }

    /**
     * Both handlers in one named class rather than two lambdas: picocli's handler interfaces are compiled for
     * Java 5, and the class-data archive keeps no lambda that implements such an interface, so each lambda was
     * spun at every start.
     */
    private record Failures(Workspace workspace)
            implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            return usageError(workspace, ex);
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
            return failure(workspace, ex);
        }
    }

    public static int execute(Workspace workspace, String... args) {
        try {
            if (args.length == 1 && (args[0].equals("version") || args[0].equals("--version")
                    || args[0].equals("-V"))) {
                // What `esc version` and picocli's version option print (VersionWordsTest compares them), without
                // building picocli's model.
                workspace.out().println(VersionCommand.version());
                return ExitCodes.OK;
            }
            // The plain forms of the commands run most skip picocli's model, half of their start-up. They fail
            // (and end) exactly as picocli's execute does when the command throws: through failure(...).
            Callable<Integer> simple = SimpleForms.parse(args, workspace);
            if (simple != null) {
                try {
                    return simple.call();
                } catch (Exception e) {
                    return failure(workspace, e);
                }
            }
            // Only the branch the arguments name: building the whole tree is most of picocli's start-up cost.
            return configure(CommandTree.forArgs(workspace, args), workspace).execute(args);
        } finally {
            workspace.close();
        }
    }

    private static int usageError(Workspace workspace, ParameterException ex) {
        String path = ex.getCommandLine().getCommandSpec().qualifiedName();
        if (ex instanceof picocli.CommandLine.UnmatchedArgumentException u
                && !ex.getCommandLine().getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            workspace.err().println("Error: unknown command \"" + u.getUnmatched().get(0) + "\" for \"" + path + "\"");
        } else {
            workspace.err().println("Error: " + UsageMessages.toReferenceWording(ex.getMessage()));
        }
        workspace.err().println("Run '" + path + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    private static int failure(Workspace workspace, Exception ex) {
        if (workspace.getenv("ESC_DEBUG") != null) {
            ex.printStackTrace(workspace.err());
        }
        if (ex instanceof EscException e) {
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                workspace.err().println("Error: " + e.getMessage());
            }
            return e.exitCode();
        }
        if (ex instanceof BackendException e) {
            workspace.err().println("Error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        workspace.err().println("Error: internal error: " + ex.getClass().getSimpleName()
                + " (set ESC_DEBUG=1 for details)");
        return ExitCodes.FAILURE;
    }
}
