package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env version <env>@<version>}: shows a revision; subcommands for history, tags and rollback. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = {"Manage versions.",
            "",
            "Without a subcommand, prints the revision that ENV@VERSION names."},
        subcommands = {
            EnvVersionCommand.History.class,
            EnvVersionTagCommand.class,
            EnvVersionCommand.Rollback.class,
            EnvVersionRetractCommand.class,
        })
public final class EnvVersionCommand extends EnvironmentCommand implements Callable<Integer> {
    // Optional for picocli, so that the subcommands parse; required by call().
    @Parameters(index = "0", arity = "0..1", paramLabel = "[<org-name>/][<project-name>/]<environment-name>@<version>")
    private String name;

    @Option(names = "--utc", description = "display times in UTC")
    private boolean utc;

    @Override
    public Integer call() {
        if (name == null) {
            throw new EscException("accepts 1 arg(s), received 0");
        }
        EnvironmentRef ref = existingRef(name);
        long number = revisionNumber(this, ref);
        for (Backend.Revision r : backend().revisions(ref.name())) {
            if (r.number() == number) {
                printRevision(this, r, utc);
                return ExitCodes.OK;
            }
        }
        throw new EscException("revision " + number + " not found");
    }

    static long revisionNumber(EnvironmentCommand cmd, EnvironmentRef ref) {
        String v = ref.hasVersion() ? ref.version() : "latest";
        if (v.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(v);
        }
        return cmd.backend().revisionTag(ref.name(), v).revision();
    }

    static void printRevision(EnvironmentCommand cmd, Backend.Revision r, boolean utc) {
        StringBuilder b = new StringBuilder("revision ").append(r.number());
        List<String> tags = r.tags().stream().filter(t -> !t.equals("latest")).toList();
        if (r.retracted() != null) {
            b.append(" (retracted)");
        } else if (tags.size() == 1) {
            b.append(" (tag: ").append(tags.get(0)).append(')');
        } else if (!tags.isEmpty()) {
            b.append(" (tags: ").append(String.join(", ", tags)).append(')');
        }
        cmd.out().println(b);
        cmd.out().println("Author: " + r.creatorName() + " <" + r.creatorLogin() + ">");
        cmd.out().println("Date:   " + Times.format(r.created(), utc));
        if (r.retracted() != null) {
            printRetraction(cmd, r.retracted(), utc);
        }
    }

    /** Who retracted a revision, when, its replacement, and the reason indented below. */
    private static void printRetraction(EnvironmentCommand cmd, dev.openesc.api.RevisionRetraction x, boolean utc) {
        String by = x.byLogin() == null || x.byLogin().isEmpty() ? "<unknown>"
                : x.byName() + " <" + x.byLogin() + ">";
        cmd.out().println();
        cmd.out().println("    Retracted by " + by + " at " + Times.format(x.at(), utc) + " and replaced with revision "
                + x.replacement() + ".");
        if (x.reason() != null && !x.reason().isEmpty()) {
            cmd.out().println();
            for (String line : x.reason().split("\n", -1)) {
                cmd.out().println("    " + line);
            }
        }
    }

    /** {@code esc env version history}: revisions, newest first, from the one named if any. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "Show revision history.")
    public static final class History extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>[@<version>]")
        private String name;

        @Option(names = "--utc", description = "display times in UTC")
        private boolean utc;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(name);
            long from = ref.hasVersion() ? revisionNumber(this, ref) : Long.MAX_VALUE;
            for (Backend.Revision r : backend().revisions(ref.name())) {
                if (r.number() <= from) {
                    printRevision(this, r, utc);
                    out().println();
                }
            }
            return ExitCodes.OK;
        }
    }

    /** {@code esc env version rollback}: makes a new revision with the definition of an older one. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Roll back to a specific version: the definition of <environment>@<version> becomes the "
                    + "latest revision.")
    public static final class Rollback extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>@<version>")
        private String name;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(name);
            if (!ref.hasVersion()) {
                throw new EscException("please specify the version to roll back to as <environment>@<version>");
            }
            byte[] yaml = backend().definition(ref.name(), ref.version(), false).yaml();
            var diags = backend().update(ref.name(), yaml, null);
            if (hasErrors(diags)) {
                printSourceDiagnostics(yaml, diags);
                throw new EscException("could not roll back: too many errors");
            }
            out().println("Environment updated.");
            return ExitCodes.OK;
        }
    }
}
