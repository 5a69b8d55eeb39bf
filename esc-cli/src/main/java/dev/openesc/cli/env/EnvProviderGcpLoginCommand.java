package dev.openesc.cli.env;

import dev.openesc.cli.CommandGroup;
import dev.openesc.cli.EscException;
import dev.openesc.core.schema.GoText;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code esc env provider gcp-login}: the GCP login provider, with static credentials or OIDC. */
@Command(name = "gcp-login", mixinStandardHelpOptions = true,
        description = {"Add a GCP login provider to an environment",
            "",
            "Subcommands select how it authenticates: `static` for static credentials,",
            "`oidc` for federated identity through OpenID Connect."})
public final class EnvProviderGcpLoginCommand implements CommandGroup {
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            EnvProviderGcpStaticCommand.class,
            EnvProviderGcpOidcCommand.class);

    @Override
    public List<Class<?>> subcommands() {
        return SUBCOMMANDS;
    }

    /** The numerical project id both GCP commands take first: a positive integer. */
    static long projectNumber(String text) {
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0) {
            throw new EscException("invalid project number " + GoText.quote(text) + ": must be a positive integer");
        }
        return n;
    }
}
