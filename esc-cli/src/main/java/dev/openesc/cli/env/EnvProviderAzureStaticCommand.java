package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env provider azure-login static}: an {@code fn::open::azure-login} block with a client secret. */
@Command(name = "static", mixinStandardHelpOptions = true,
        description = {"Add an Azure static-credentials login provider to an environment",
            "",
            "Writes an `fn::open::azure-login` block at --path under `values`. The client",
            "secret is written as `fn::secret` and stored encrypted. A block already at",
            "the path is replaced."})
public final class EnvProviderAzureStaticCommand extends ProviderSetupCommand {
    @Parameters(paramLabel = "[<org>/][<project>/]<environment-name> <tenant-id> <subscription-id> <client-id>"
            + " <client-secret>", arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Override
    protected List<String> arguments() {
        return args;
    }

    @Override
    protected List<String> argumentNames() {
        return List.of("<tenant-id>", "<subscription-id>", "<client-id>", "<client-secret>");
    }

    @Override
    protected String defaultPath() {
        return "azure.login";
    }

    @Override
    protected YamlNode block(List<String> a) {
        return ProviderBlock.open("azure-login", new ProviderBlock()
                .text("clientId", a.get(2))
                .text("tenantId", a.get(0))
                .text("subscriptionId", a.get(1))
                .secret("clientSecret", a.get(3)));
    }
}
