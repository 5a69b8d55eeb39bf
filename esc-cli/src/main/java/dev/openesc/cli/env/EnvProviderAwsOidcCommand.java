package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env provider aws-login oidc}: an {@code fn::open::aws-login} block that assumes a role by OIDC. */
@Command(name = "oidc", mixinStandardHelpOptions = true,
        description = {"Add an AWS OIDC login provider to an environment",
            "",
            "Writes an `fn::open::aws-login` block with an `oidc` block at --path under",
            "`values`: opening the environment assumes the role with a token from the",
            "server's OIDC issuer. The IAM role and its trust policy are set up",
            "separately. A block already at the path is replaced."})
public final class EnvProviderAwsOidcCommand extends ProviderSetupCommand {
    @Parameters(paramLabel = "[<org>/][<project>/]<environment-name> <role-arn> <session-name>", arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", description = "optional session duration, e.g. 1h")
    private String duration;

    @Option(names = "--policy-arn", paramLabel = "ARN",
            description = "AWS managed-policy ARN to attach to the role session (repeatable)")
    private List<String> policyArns = new ArrayList<>();

    @Mixin
    private SubjectAttributes subjectAttributes = new SubjectAttributes();

    @Override
    protected List<String> arguments() {
        return args;
    }

    @Override
    protected List<String> argumentNames() {
        return List.of("<role-arn>", "<session-name>");
    }

    @Override
    protected String defaultPath() {
        return "aws.login";
    }

    @Override
    protected YamlNode block(List<String> a) {
        ProviderBlock oidc = new ProviderBlock()
                .text("roleArn", a.get(0))
                .text("sessionName", a.get(1))
                .textIfSet("duration", duration)
                .textsIfAny("policyArns", policyArns)
                .textsIfAny("subjectAttributes", subjectAttributes.values());
        return ProviderBlock.open("aws-login", new ProviderBlock().block("oidc", oidc));
    }
}
