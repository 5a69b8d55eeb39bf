package dev.openesc.cli.login;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.WorkspaceCommand;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.backend.Backends;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc login [URL]}: logs in to an ESC server. The token comes from {@code --token}, then
 * {@code ESC_ACCESS_TOKEN}, then {@code PULUMI_ACCESS_TOKEN}, then a prompt; it is checked against the server
 * before it is stored in {@code $ESC_HOME/credentials.json} (mode 0600). {@code esc login --local} goes back to
 * the embedded backend.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to an ESC server",
            "",
            "Without URL, logs in again to the server of the last login. Until the first login, and after",
            "`esc logout`, esc uses its embedded local backend in $ESC_HOME (default ~/.esc)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:logged in", "1:no token, token refused, server unreachable", "2:usage error"})
public final class LoginCommand extends WorkspaceCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "the server, e.g. http://localhost:8080")
    private String url;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", description = "the access token (else from "
            + "ESC_ACCESS_TOKEN or PULUMI_ACCESS_TOKEN, else asked for)")
    private String token;

    @Option(names = "--insecure", description = "accept any TLS certificate of the server")
    private boolean insecure;

    @Override
    public Integer call() throws IOException {
        Credentials creds = workspace().credentials();
        String target = url;
        if (target == null || target.isEmpty()) {
            target = creds.current();
        }
        if (target == null || target.isEmpty()) {
            throw new EscException("no server given: use `esc login <url>`; without a login esc uses its local "
                    + "backend in " + workspace().home());
        }
        target = normalize(target);
        String t = firstNonEmpty(token, workspace().getenv("ESC_ACCESS_TOKEN"), workspace().getenv("PULUMI_ACCESS_TOKEN"));
        if (t == null) {
            Credentials.Account known = creds.accounts().get(target);
            t = known == null ? prompt(target) : known.accessToken();
        }
        if (t == null || t.isEmpty()) {
            throw new EscException("no access token given");
        }
        Credentials.Account account;
        try (Backend remote = Backends.remote(workspace(), target, t, insecure)) {
            Backend.Account who = remote.account();
            account = new Credentials.Account(t, who.user(), who.orgs());
        }
        workspace().credentialsStore().save(creds.withAccount(target, account));
        workspace().resetBackend();
        out().println("Logged in to " + target + " as " + account.username());
        return ExitCodes.OK;
    }

    private String prompt(String target) throws IOException {
        err().print("Enter your access token for " + target + ": ");
        err().flush();
        char[] secret = System.console() != null && workspace().in() == System.in
                ? System.console().readPassword() : null;
        if (secret != null) {
            return new String(secret).trim();
        }
        String line = new BufferedReader(new InputStreamReader(workspace().in(), StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.trim();
    }

    static String normalize(String url) {
        String u = url.trim();
        if (!u.contains("://")) {
            u = "https://" + u;
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
