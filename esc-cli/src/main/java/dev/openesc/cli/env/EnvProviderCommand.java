package dev.openesc.cli.env;

import dev.openesc.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code esc env provider}: writes cloud login providers ({@code fn::open::<cloud>-login}) into a definition. */
@Command(name = "provider", mixinStandardHelpOptions = true,
        description = {"Manage login providers within an environment",
            "",
            "Subcommands write a cloud login block (AWS, Azure, GCP) into an",
            "environment's definition, with static credentials (kept as secrets) or",
            "OpenID Connect federation."})
public final class EnvProviderCommand implements CommandGroup {
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            EnvProviderAwsLoginCommand.class,
            EnvProviderAzureLoginCommand.class,
            EnvProviderGcpLoginCommand.class);

    @Override
    public List<Class<?>> subcommands() {
        return SUBCOMMANDS;
    }
}
