package dev.openesc.cli.env;

import dev.openesc.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code esc env}: the environment commands. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Manage environments",
            "",
            "An environment is a named collection of possibly-secret, possibly-dynamic data.",
            "Each environment has a definition and may be opened in order to access its contents.",
            "Opening an environment may involve generating new dynamic data.",
            "",
            "To begin working with environments, run the `env init` command."})
public final class EnvCommand implements CommandGroup {
    /** The sub-commands, in the order {@code esc env --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            EnvInitCommand.class,
            EnvEditCommand.class,
            EnvGetCommand.class,
            EnvDiffCommand.class,
            EnvSetCommand.class,
            EnvVersionCommand.class,
            EnvLsCommand.class,
            EnvTagCommand.class,
            EnvSettingsCommand.class,
            EnvRmCommand.class,
            EnvCloneCommand.class,
            EnvOpenCommand.class,
            EnvRunCommand.class,
            EnvProviderCommand.class);

    @Override
    public List<Class<?>> subcommands() {
        return SUBCOMMANDS;
    }
}
