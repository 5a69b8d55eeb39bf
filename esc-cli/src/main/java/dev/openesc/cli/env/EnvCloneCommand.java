package dev.openesc.cli.env;

import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env clone <src> [project/]<name>}: copies an environment within its organization. */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = {"Clone an existing environment into a new environment.",
            "",
            "The destination is in the source's organization: [<project-name>/]<environment-name>, in the",
            "source's project when no project is given."})
public final class EnvCloneCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>[@<version>]")
    private String source;

    @Parameters(index = "1", paramLabel = "[<project-name>/]<environment-name>")
    private String destination;

    @Option(names = "--preserve-history", description = "copy the revision history")
    private boolean history;

    @Option(names = "--preserve-access", description = "keep the same access (always so here)")
    private boolean access;

    @Option(names = "--preserve-env-tags", description = "copy the environment tags")
    private boolean envTags;

    @Option(names = "--preserve-rev-tags", description = "copy the revision tags (with --preserve-history)")
    private boolean revTags;

    @Override
    public Integer call() {
        EnvironmentRef src = existingRef(source);
        String project = src.project();
        String name = destination;
        int slash = destination.indexOf('/');
        if (slash >= 0) {
            project = destination.substring(0, slash);
            name = destination.substring(slash + 1);
        }
        try {
            backend().clone(src.name(), src.version(), project, name,
                    new Backend.CloneOptions(history, envTags, revTags, access));
        } catch (dev.openesc.cli.backend.BackendException e) {
            // The only environment a clone can miss is its source: say so, in the reference's words.
            boolean sourceMissing = e.kind() == dev.openesc.cli.backend.BackendException.Kind.NOT_FOUND
                    && "not found".equals(e.getMessage());
            throw new dev.openesc.cli.EscException("cloning environment: "
                    + (sourceMissing ? "source env not found" : e.getMessage()));
        }
        out().println("Environment " + src.withVersion("") + " cloned into " + src.org() + "/" + project + "/"
                + name + ".");
        return ExitCodes.OK;
    }
}
