package dev.openesc.cli.env;

import dev.openesc.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code esc env provider azure-login}: the Azure login provider, with static credentials or OIDC. */
@Command(name = "azure-login", mixinStandardHelpOptions = true,
        description = {"Add an Azure login provider to an environment",
            "",
            "Subcommands select how it authenticates: `static` for static credentials,",
            "`oidc` for federated identity through OpenID Connect."})
public final class EnvProviderAzureLoginCommand implements CommandGroup {
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            EnvProviderAzureStaticCommand.class,
            EnvProviderAzureOidcCommand.class);

    @Override
    public List<Class<?>> subcommands() {
        return SUBCOMMANDS;
    }
}
