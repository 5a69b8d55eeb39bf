package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env provider gcp-login oidc}: an {@code fn::open::gcp-login} block with workload identity federation. */
@Command(name = "oidc", mixinStandardHelpOptions = true,
        description = {"Add a GCP OIDC login provider to an environment",
            "",
            "Writes an `fn::open::gcp-login` block with an `oidc` workload-identity",
            "federation block at --path under `values`. <project-number> is the numerical",
            "GCP project id. The pool, its provider and the service account are set up",
            "separately. A block already at the path is replaced."})
public final class EnvProviderGcpOidcCommand extends ProviderSetupCommand {
    @Parameters(paramLabel = "[<org>/][<project>/]<environment-name> <project-number>", arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Option(names = "--workload-pool-id", paramLabel = "ID", required = true,
            description = "GCP workload identity pool id (required)")
    private String workloadPoolId;

    @Option(names = "--provider-id", paramLabel = "ID", required = true,
            description = "GCP workload identity pool provider id (required)")
    private String providerId;

    @Option(names = "--service-account", paramLabel = "EMAIL", required = true,
            description = "GCP service account to impersonate (required)")
    private String serviceAccount;

    @Option(names = "--region", paramLabel = "REGION", description = "optional region of the workload identity pool")
    private String region;

    @Option(names = "--token-lifetime", paramLabel = "DURATION",
            description = "optional lifetime of the impersonated credentials, e.g. 1h30m")
    private String tokenLifetime;

    @Mixin
    private SubjectAttributes subjectAttributes = new SubjectAttributes();

    @Override
    protected List<String> arguments() {
        return args;
    }

    @Override
    protected List<String> argumentNames() {
        return List.of("<project-number>");
    }

    @Override
    protected String defaultPath() {
        return "gcp.login";
    }

    @Override
    protected YamlNode block(List<String> a) {
        long project = EnvProviderGcpLoginCommand.projectNumber(a.get(0));
        ProviderBlock oidc = new ProviderBlock()
                .text("workloadPoolId", workloadPoolId)
                .text("providerId", providerId)
                .text("serviceAccount", serviceAccount)
                .textIfSet("region", region)
                .textIfSet("tokenLifetime", tokenLifetime)
                .textsIfAny("subjectAttributes", subjectAttributes.values());
        return ProviderBlock.open("gcp-login", new ProviderBlock()
                .integer("project", project)
                .block("oidc", oidc));
    }
}
