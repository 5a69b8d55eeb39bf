package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env version retract <env>@<version> [--replace-with <version>] [--reason <text>]}: the revision
 * can no longer be read or opened, and the tags that named it move to the replacement.
 */
@Command(name = "retract", mixinStandardHelpOptions = true,
        description = {"Retract a specific revision of an environment",
            "",
            "This command retracts a specific revision of an environment. A retracted",
            "revision can no longer be read or opened. Retracting a revision also updates",
            "any tags that point to the retracted revision to instead point to a",
            "replacement revision. If no replacement is specified, the latest non-retracted",
            "revision preceding the revision being retracted is used as the replacement.",
            "",
            "The revision pointed to by the `latest` tag may not be retracted. To retract",
            "the latest revision of an environment, first update the environment with a new",
            "definition."})
public final class EnvVersionRetractCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>@<version>")
    private String name;

    @Option(names = "--replace-with", paramLabel = "string",
            description = "the version to use to replace the retracted revision")
    private String replacement;

    @Option(names = "--reason", paramLabel = "string", description = "the reason for the retraction")
    private String reason;

    @Override
    public Integer call() {
        EnvironmentRef ref = existingRef(name);
        if (!ref.hasVersion()) {
            throw new EscException("please specify the revision to retract as <environment>@<version>");
        }
        if (ref.version().equals("latest")) {
            throw new EscException("cannot retract the `latest` revision");
        }
        Long replacementRevision = null;
        if (replacement != null && !replacement.isEmpty()) {
            // "@3" names another revision of the same environment; anything else is an environment reference.
            EnvironmentRef target = replacement.startsWith("@") ? ref.withVersion(replacement.substring(1))
                    : existingRef(replacement);
            replacementRevision = EnvVersionCommand.revisionNumber(this, target);
        }
        backend().retract(ref.name(), ref.version(), replacementRevision,
                reason == null || reason.isEmpty() ? null : reason);
        return ExitCodes.OK;
    }
}
