package dev.openesc.cli.env;

import picocli.CommandLine.Command;

/** {@code esc env settings}: the settings of an environment (get, set), not part of its definition. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = {"Manage environment settings",
            "",
            "This command manages environment settings such as deletion protection.",
            "",
            "Subcommands exist for reading and updating settings."},
        subcommands = {EnvSettingsGetCommand.class, EnvSettingsSetCommand.class})
public final class EnvSettingsCommand {
}
