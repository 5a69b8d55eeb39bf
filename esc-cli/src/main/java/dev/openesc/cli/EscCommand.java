package dev.openesc.cli;

import dev.openesc.cli.admin.AuditCommand;
import dev.openesc.cli.admin.OrgCommand;
import dev.openesc.cli.admin.TokenCommand;
import dev.openesc.cli.env.EnvCommand;
import dev.openesc.cli.env.EnvOpenCommand;
import dev.openesc.cli.env.EnvRunCommand;
import dev.openesc.cli.login.LoginCommand;
import dev.openesc.cli.login.LogoutCommand;
import dev.openesc.cli.login.WhoamiCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code esc}: with no command, prints the getting-started text. */
@Command(name = "esc",
        description = "Pulumi ESC - Manage environments, secrets, and configuration",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class)
public final class EscCommand implements Callable<Integer>, CommandGroup {
    /** The sub-commands, in the order {@code esc --help} lists them ({@link CommandTree} adds them). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            EnvCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            WhoamiCommand.class,
            EnvOpenCommand.class,
            EnvRunCommand.class,
            VersionCommand.class,
            CompletionCommand.class,
            ServerCommand.class,
            OrgCommand.class,
            TokenCommand.class,
            AuditCommand.class,
            HelpCommand.class);

    private final Workspace workspace;

    public EscCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public List<Class<?>> subcommands() {
        return SUBCOMMANDS;
    }

    public Workspace workspace() {
        return workspace;
    }

    @Override
    public Integer call() throws IOException {
        try (InputStream in = EscCommand.class.getResourceAsStream("usage.txt")) {
            workspace.out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return ExitCodes.OK;
    }
}
