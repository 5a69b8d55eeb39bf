package dev.openesc.cli.backend;

import dev.openesc.api.Caller;
import dev.openesc.api.EscException;
import dev.openesc.cli.Workspace;
import dev.openesc.cli.login.Credentials;
import dev.openesc.client.HttpEscService;
import java.net.URI;
import java.util.function.Function;

/**
 * Picks the backend of a workspace: the server of the current login, or the embedded local one in
 * {@code $ESC_HOME}.
 */
public final class Backends {
    /**
     * {@link #open} as the function a {@link Workspace} takes. A class rather than the method reference
     * {@code Backends::open}: {@code Main} would make that lambda at every start (its first one, so the JDK's
     * bytecode spinning starts up for it, a few milliseconds), and the class-data archive holds only lambdas its
     * training run made from the same call site.
     */
    public static final Function<Workspace, Backend> OPEN = new Function<>() {
        @Override
        public Backend apply(Workspace workspace) {
            return open(workspace);
        }
    };

    private Backends() {}

    public static Backend open(Workspace workspace) {
        Credentials creds = workspace.credentials();
        Credentials.Account account = creds.currentAccount();
        if (account != null) {
            try {
                return remote(workspace, creds.current(), account.accessToken(), false);
            } catch (BackendException e) {
                // A stored login the server no longer takes: the user logged in once, so this is not a typo.
                if (e.kind() == BackendException.Kind.UNAUTHORIZED) {
                    throw ServerProblems.loginExpired(creds.current(), e);
                }
                throw e;
            }
        }
        return LocalBackend.open(workspace);
    }

    /**
     * A backend over HTTP to {@code url}, acting with {@code token}; the token is checked at once, so a refused or
     * expired login and an unreachable server are one clear error here.
     */
    public static Backend remote(Workspace workspace, String url, String token, boolean insecure) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BackendException(BackendException.Kind.INVALID, "invalid server URL \"" + url + "\"");
        }
        HttpEscService service = new HttpEscService(uri, token);
        Caller caller;
        try {
            caller = service.authenticate(token, null);
        } catch (EscException.Unauthorized e) {
            throw new BackendException(BackendException.Kind.UNAUTHORIZED, url + " refused the access token ("
                    + e.getMessage() + "): run `esc login " + url + "` with a valid token", e);
        } catch (EscException.Unavailable e) {
            throw ServerProblems.unreachable(url, e);
        } catch (EscException e) {
            throw new BackendException(BackendException.Kind.OTHER, url + ": " + e.getMessage(), e);
        }
        return new ServiceBackend(service, caller, url, () -> { });
    }
}
