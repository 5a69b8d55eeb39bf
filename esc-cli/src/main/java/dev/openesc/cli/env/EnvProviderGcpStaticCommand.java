package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env provider gcp-login static}: an {@code fn::open::gcp-login} block with an access token. */
@Command(name = "static", mixinStandardHelpOptions = true,
        description = {"Add a GCP static-credentials login provider to an environment",
            "",
            "Writes an `fn::open::gcp-login` block at --path under `values`. The access",
            "token is written as `fn::secret` and stored encrypted. <project-number> is",
            "the numerical GCP project id. A block already at the path is replaced."})
public final class EnvProviderGcpStaticCommand extends ProviderSetupCommand {
    @Parameters(paramLabel = "[<org>/][<project>/]<environment-name> <project-number> <access-token>",
            arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "EMAIL",
            description = "optional GCP service account to impersonate")
    private String serviceAccount;

    @Option(names = "--token-lifetime", paramLabel = "DURATION",
            description = "optional lifetime of the impersonated credentials, e.g. 1h30m")
    private String tokenLifetime;

    @Override
    protected List<String> arguments() {
        return args;
    }

    @Override
    protected List<String> argumentNames() {
        return List.of("<project-number>", "<access-token>");
    }

    @Override
    protected String defaultPath() {
        return "gcp.login";
    }

    @Override
    protected YamlNode block(List<String> a) {
        long project = EnvProviderGcpLoginCommand.projectNumber(a.get(0));
        ProviderBlock token = new ProviderBlock()
                .secret("accessToken", a.get(1))
                .textIfSet("serviceAccount", serviceAccount)
                .textIfSet("tokenLifetime", tokenLifetime);
        return ProviderBlock.open("gcp-login", new ProviderBlock()
                .integer("project", project)
                .block("accessToken", token));
    }
}
