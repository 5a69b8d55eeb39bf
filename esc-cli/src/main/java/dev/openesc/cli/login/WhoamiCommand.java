package dev.openesc.cli.login;

import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.WorkspaceCommand;
import dev.openesc.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code esc whoami}: the user, and with {@code -v} the backend and organizations. */
@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Display the current logged-in user")
public final class WhoamiCommand extends WorkspaceCommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "print the backend and the organizations too")
    private boolean verbose;

    @Override
    public Integer call() {
        Backend.Account account = workspace().backend().account();
        if (!verbose) {
            out().println(account.user());
            return ExitCodes.OK;
        }
        out().println("User: " + account.user());
        out().println("Organizations: " + (account.orgs().isEmpty() ? "(none)" : String.join(", ", account.orgs())));
        out().println("Backend URL: " + account.url());
        return ExitCodes.OK;
    }
}
