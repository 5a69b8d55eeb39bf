package dev.openesc.cli.env;

import dev.openesc.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code esc env provider aws-login}: the AWS login provider, with static credentials or OIDC. */
@Command(name = "aws-login", mixinStandardHelpOptions = true,
        description = {"Add an AWS login provider to an environment",
            "",
            "Subcommands select how it authenticates: `static` for static credentials,",
            "`oidc` for federated identity through OpenID Connect."})
public final class EnvProviderAwsLoginCommand implements CommandGroup {
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            EnvProviderAwsStaticCommand.class,
            EnvProviderAwsOidcCommand.class);

    @Override
    public List<Class<?>> subcommands() {
        return SUBCOMMANDS;
    }
}
