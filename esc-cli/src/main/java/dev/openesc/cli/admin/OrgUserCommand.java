package dev.openesc.cli.admin;

import dev.openesc.api.CreatedUser;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgRole;
import dev.openesc.cli.ExitCodes;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc org user create|rm}: users created straight into an organization by its admin, and deleted with
 * their tokens. An OpenESC command (Pulumi Cloud provisions users through SCIM). The first token's value goes
 * alone to stdout, as with {@code esc token create}, so that a script can hand it to the new user.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Create or delete users (organization admins only; OpenESC).",
        subcommands = {OrgUserCommand.Create.class, OrgUserCommand.Rm.class})
public final class OrgUserCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user as a member of the organization, with a first access token shown once.")
    public static final class Create extends OrgCommand.OrgOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "the new user's login")
        private String login;

        @Option(names = "--name", paramLabel = "NAME", description = "display name (default: the login)")
        private String name;

        @Option(names = "--email", paramLabel = "EMAIL", description = "email address")
        private String email;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "member",
                description = "member or admin (default: ${DEFAULT-VALUE})")
        private OrgRole role;

        @Option(names = "--token-description", paramLabel = "TEXT",
                description = "the first token's description (default: \"first token of LOGIN\")")
        private String tokenDescription;

        @Option(names = "--token-expires", paramLabel = "WHEN",
                description = "when the first token stops working, as esc token create --expires; default: never")
        private String tokenExpires;

        @Option(names = "--no-token", description = "create no token: the user gets one some other way")
        private boolean noToken;

        @Override
        public Integer call() {
            String description = noToken ? null
                    : tokenDescription == null ? "first token of " + login : tokenDescription;
            Instant expires = noToken ? null : TokenCommand.expiry("--token-expires", tokenExpires, Instant.now());
            CreatedUser created = backend().createUser(org(), new NewUser(login, name, email, role, description,
                    expires));
            err().println("Created user " + login + ", " + OrgCommand.article(created.member().role()) + " of "
                    + org() + ".");
            created.token().ifPresent(t -> {
                err().println("Their access token " + t.token().id() + " is shown only this once:");
                out().println(t.secret());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Delete a user: they leave every organization and their tokens stop working at once.")
    public static final class Rm extends OrgCommand.OrgOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "the user's login")
        private String login;

        @Override
        public Integer call() {
            backend().deleteUser(org(), login);
            out().println("Deleted user " + login + ".");
            return ExitCodes.OK;
        }
    }
}
