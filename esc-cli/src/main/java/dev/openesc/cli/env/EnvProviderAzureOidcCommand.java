package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code esc env provider azure-login oidc}: an {@code fn::open::azure-login} block with {@code oidc: true}. */
@Command(name = "oidc", mixinStandardHelpOptions = true,
        description = {"Add an Azure OIDC login provider to an environment",
            "",
            "Writes an `fn::open::azure-login` block with `oidc: true` at --path under",
            "`values`: opening the environment exchanges a token from the server's OIDC",
            "issuer. The federated credential is set up separately in Entra ID. A block",
            "already at the path is replaced."})
public final class EnvProviderAzureOidcCommand extends ProviderSetupCommand {
    @Parameters(paramLabel = "[<org>/][<project>/]<environment-name> <tenant-id> <subscription-id> <client-id>",
            arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Mixin
    private SubjectAttributes subjectAttributes = new SubjectAttributes();

    @Override
    protected List<String> arguments() {
        return args;
    }

    @Override
    protected List<String> argumentNames() {
        return List.of("<tenant-id>", "<subscription-id>", "<client-id>");
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
                .bool("oidc", true)
                .textsIfAny("subjectAttributes", subjectAttributes.values()));
    }
}
