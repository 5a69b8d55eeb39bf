package dev.openesc.cli;

import dev.openesc.cli.backend.Backends;
import java.util.Map;

/** The {@code esc} program. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        skipGroovyClosureLookup();
        if (args.length == 0 || !args[0].equals("server")) {
            nameLoggingProvider();
        }
        StartupWarmup.startFor(args);
        Map<String, String> environ = System.getenv();
        Workspace workspace = new Workspace(System.in, System.out, System.err, environ,
                Workspace.homeFrom(environ), Backends.OPEN);
        int status = Esc.execute(workspace, args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Tells picocli not to look for Groovy's {@code Closure} class (it would build commands from Groovy closures
     * written in annotations; esc has none). picocli's default factory looks for that class when it is first used,
     * which every command line with an option does, however it is built: not found in the class-data archive nor in
     * lib/start.jar, the look-up opens lib/esc.jar and searches it, the one reason the commands that build picocli's
     * model ({@code env ls}, {@code env set}, {@code --help}, ...) opened that jar (docs/decisions.md 22). May be
     * set otherwise from outside.
     */
    static void skipGroovyClosureLookup() {
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    /**
     * Tells SLF4J which provider the CLI logs through (slf4j-nop: it logs nothing, its output is for people and
     * scripts), which sqlite-jdbc asks for at every start. Found by SLF4J's own look-up, it would open lib/esc.jar
     * to search it for providers, the only reason most commands would open that jar (docs/decisions.md 22). The
     * second property keeps SLF4J from saying, on stderr, that it was told. Either may be set otherwise from outside;
     * {@code esc server} keeps SLF4J's look-up, which finds whatever its class path brings.
     */
    static void nameLoggingProvider() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }
}
