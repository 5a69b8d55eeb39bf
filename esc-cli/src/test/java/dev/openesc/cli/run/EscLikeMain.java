package dev.openesc.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A stand-in for the {@code esc run} command, started as a separate JVM by the tests that need a real process to
 * signal: {@code EscLikeMain <temporary-parent> <secret> <command>...}. It writes one file, {@code ESC_FILE}, hides
 * the secret, and uses its own standard streams like the CLI will; {@code ESC_LIKE_INTERACTIVE=1} makes the run
 * interactive.
 */
public final class EscLikeMain {

    private EscLikeMain() {}

    public static void main(String[] args) {
        RunSpec spec = RunSpec.of(Arrays.asList(args).subList(2, args.length))
                .temporaryFolder(Path.of(args[0]))
                .secret(args[1])
                .file("ESC_FILE", "file content with " + args[1] + "\n")
                .interactive("1".equals(System.getenv("ESC_LIKE_INTERACTIVE")))
                .build();
        int status;
        try {
            status = new CommandRunner().run(spec);
        } catch (IOException e) {
            System.err.println("Error: " + e.getMessage());
            status = CommandRunner.EXIT_ESC_FAILURE;
        }
        System.exit(status);
    }
}
