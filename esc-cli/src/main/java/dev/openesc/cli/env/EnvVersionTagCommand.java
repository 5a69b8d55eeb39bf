package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env version tag <env>@<tag> [[@]<version>]}: points a revision tag at a revision (the latest one
 * when no version is given), creating the tag if new; {@code ls} and {@code rm} list and remove them. The
 * argument order is the reference's: the tag rides on the environment, the revision comes second.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Manage tagged versions: tag <environment>@<tag> [<version>] creates or moves the tag.",
            "",
            "The tag is made to point at the given revision (a number or another tag, optionally after @),",
            "or at the latest revision when none is given."},
        subcommands = {EnvVersionTagCommand.Ls.class, EnvVersionTagCommand.Rm.class})
public final class EnvVersionTagCommand extends EnvironmentCommand implements Callable<Integer> {
    // Optional for picocli, so that the subcommands parse; required by call().
    @Parameters(index = "0", arity = "0..1", paramLabel = "[<org-name>/][<project-name>/]<environment-name>@<tag>")
    private String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "[@<version>]")
    private String version;

    @Override
    public Integer call() {
        if (name == null) {
            throw new EscException("accepts between 1 and 2 arg(s), received 0");
        }
        EnvironmentRef ref = existingRef(name);
        String tag = ref.version();
        if (!ref.hasVersion() || tag.chars().allMatch(Character::isDigit)) {
            throw new EscException("please specify a name for the tagged version");
        }
        if (tag.equals("latest")) {
            throw new EscException("the latest tag is managed by esc and cannot be changed");
        }
        String target = version == null ? "" : version.startsWith("@") ? version.substring(1) : version;
        long revision = EnvVersionCommand.revisionNumber(this, ref.withVersion(target));
        boolean exists;
        try {
            backend().revisionTag(ref.name(), tag);
            exists = true;
        } catch (dev.openesc.cli.backend.BackendException e) {
            if (e.kind() != dev.openesc.cli.backend.BackendException.Kind.NOT_FOUND) {
                throw e;
            }
            exists = false;
        }
        if (exists) {
            backend().updateRevisionTag(ref.name(), tag, revision);
        } else {
            backend().createRevisionTag(ref.name(), tag, revision);
        }
        return ExitCodes.OK;
    }

    /** {@code esc env version tag ls}. */
    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List tagged versions.")
    public static final class Ls extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>")
        private String name;

        @Option(names = "--utc", description = "display times in UTC")
        private boolean utc;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(name);
            for (Backend.Tag t : backend().revisionTags(ref.name())) {
                out().println(t.name());
                out().println("Revision " + t.revision());
                out().println("Last updated at " + Times.format(t.modified(), utc) + " by " + t.editorName()
                        + " <" + t.editorLogin() + ">");
                out().println();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code esc env version tag rm}. */
    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a tagged version.")
    public static final class Rm extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>@<tag>")
        private String name;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(name);
            if (!ref.hasVersion()) {
                throw new EscException("please specify the tag to remove as <environment>@<tag>");
            }
            backend().deleteRevisionTag(ref.name(), ref.version());
            return ExitCodes.OK;
        }
    }
}
