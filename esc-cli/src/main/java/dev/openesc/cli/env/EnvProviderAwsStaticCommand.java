package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env provider aws-login static}: an {@code fn::open::aws-login} block with static credentials. */
@Command(name = "static", mixinStandardHelpOptions = true,
        description = {"Add an AWS static-credentials login provider to an environment",
            "",
            "Writes an `fn::open::aws-login` block with static credentials at --path",
            "under `values`. The secret access key and the session token, if any, are",
            "written as `fn::secret` and stored encrypted. A block already at the path is",
            "replaced."})
public final class EnvProviderAwsStaticCommand extends ProviderSetupCommand {
    @Parameters(paramLabel = "[<org>/][<project>/]<environment-name> <access-key-id> <secret-access-key>",
            arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Option(names = "--session-token", paramLabel = "TOKEN", description = "optional AWS session token")
    private String sessionToken;

    @Override
    protected List<String> arguments() {
        return args;
    }

    @Override
    protected List<String> argumentNames() {
        return List.of("<access-key-id>", "<secret-access-key>");
    }

    @Override
    protected String defaultPath() {
        return "aws.login";
    }

    @Override
    protected YamlNode block(List<String> a) {
        ProviderBlock credentials = new ProviderBlock()
                .text("accessKeyId", a.get(0))
                .secret("secretAccessKey", a.get(1));
        if (sessionToken != null && !sessionToken.isEmpty()) {
            credentials.secret("sessionToken", sessionToken);
        }
        return ProviderBlock.open("aws-login", new ProviderBlock().block("static", credentials));
    }
}
