package dev.openesc.cli.backend;

import dev.openesc.cli.EscException;
import dev.openesc.cli.Workspace;
import dev.openesc.cli.login.Credentials;

/**
 * Picks the backend of a workspace: the server of the current login, or the embedded local one in
 * {@code $ESC_HOME}.
 */
public final class Backends {
    private Backends() {}

    public static Backend open(Workspace workspace) {
        Credentials creds = workspace.credentials();
        Credentials.Account account = creds.currentAccount();
        if (account != null) {
            return remote(workspace, creds.current(), account.accessToken(), false);
        }
        return LocalBackend.open(workspace);
    }

    /** A backend over HTTP to {@code url}, acting with {@code token}. */
    public static Backend remote(Workspace workspace, String url, String token, boolean insecure) {
        throw new EscException("logging in to a server is not available in this build");
    }
}
