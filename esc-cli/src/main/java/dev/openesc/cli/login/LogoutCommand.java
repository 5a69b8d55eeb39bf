package dev.openesc.cli.login;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.WorkspaceCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc logout}: forgets the token of the current server (or of every server); esc goes back to local. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Log out of an ESC server")
public final class LogoutCommand extends WorkspaceCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "the server to log out of")
    private String url;

    @Option(names = "--all", description = "log out of every server")
    private boolean all;

    @Override
    public Integer call() {
        Credentials creds = workspace().credentials();
        if (all) {
            workspace().credentialsStore().save(Credentials.empty());
            out().println("Logged out of all servers");
            return ExitCodes.OK;
        }
        String target = url == null ? creds.current() : LoginCommand.normalize(url);
        if (target == null) {
            throw new EscException("not logged in: esc uses its local backend in " + workspace().home());
        }
        workspace().credentialsStore().save(creds.without(target));
        out().println("Logged out of " + target);
        return ExitCodes.OK;
    }
}
