package dev.openesc.cli.admin;

import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.env.EnvironmentCommand;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc org members ls|add|rm}: an organization's members, for its admins ({@code esc org user} creates
 * and deletes users). An OpenESC command: the
 * reference {@code esc} has none (Pulumi Cloud manages members in its console).
 */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organizations (OpenESC).",
        subcommands = {OrgCommand.Members.class, OrgUserCommand.class})
public final class OrgCommand {

    /** {@code esc org members}: the subcommands. */
    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Manage the members of an organization (admins only).",
            subcommands = {Ls.class, Add.class, Rm.class})
    public static final class Members {
    }

    /** The {@code --org} option of the member commands: the default organization when absent. */
    abstract static class OrgOption extends EnvironmentCommand {
        @Option(names = {"-o", "--org"}, paramLabel = "ORG", description = "the organization (default: yours)")
        String org;

        String org() {
            return org == null || org.isEmpty() ? defaultOrg() : org;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the members and their roles.")
    public static final class Ls extends OrgOption implements Callable<Integer> {
        @Override
        public Integer call() {
            List<OrgMember> members = backend().members(org());
            int width = members.stream().mapToInt(m -> m.login().length()).max().orElse(5);
            for (OrgMember m : members) {
                out().println(String.format(Locale.ROOT, "%-" + width + "s  %-6s  %s", m.login(), role(m.role()),
                        m.name() == null ? "" : m.name()).stripTrailing());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an existing user to the organization, or change a member's role.")
    public static final class Add extends OrgOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "the user's login")
        private String login;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "member",
                description = "member or admin (default: ${DEFAULT-VALUE})")
        private OrgRole role;

        @Override
        public Integer call() {
            OrgMember m = backend().setMember(org(), login, role);
            out().println(m.login() + " is " + article(m.role()) + " of " + org() + ".");
            return ExitCodes.OK;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Remove a member (the last admin cannot be removed).")
    public static final class Rm extends OrgOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "the member's login")
        private String login;

        @Override
        public Integer call() {
            backend().removeMember(org(), login);
            out().println("Removed " + login + " from " + org() + ".");
            return ExitCodes.OK;
        }
    }

    static String role(OrgRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    static String article(OrgRole role) {
        return role == OrgRole.ADMIN ? "an admin" : "a member";
    }
}
