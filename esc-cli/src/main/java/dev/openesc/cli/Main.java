package dev.openesc.cli;

import dev.openesc.cli.backend.Backends;
import java.util.Map;

/** The {@code esc} program. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        StartupWarmup.startFor(args);
        Map<String, String> environ = System.getenv();
        Workspace workspace = new Workspace(System.in, System.out, System.err, environ,
                Workspace.homeFrom(environ), Backends.OPEN);
        int status = Esc.execute(workspace, args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }
}
