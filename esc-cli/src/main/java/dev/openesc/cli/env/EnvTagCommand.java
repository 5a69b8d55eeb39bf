package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.backend.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env tag <env> <name> <value>}: sets an environment tag; subcommands get, ls, mv and rm. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Manage environment tags: tag <environment> <name> <value> creates or updates a tag.",
        subcommands = {EnvTagCommand.Get.class, EnvTagCommand.Ls.class, EnvTagCommand.Mv.class,
            EnvTagCommand.Rm.class})
public final class EnvTagCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<environment> <name> <value>", arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Option(names = "--utc", description = "display times in UTC")
    private boolean utc;

    @Override
    public Integer call() {
        if (args.size() != 3) {
            throw new EscException("accepts 3 arg(s), received " + args.size());
        }
        EnvironmentRef ref = existingRef(args.get(0));
        String name = args.get(1);
        String value = args.get(2);
        if (name.isEmpty()) {
            throw new EscException("environment tag name cannot be empty");
        }
        Backend.EnvTag tag;
        try {
            backend().environmentTag(ref.name(), name);
            tag = backend().updateEnvironmentTag(ref.name(), name, name, value);
        } catch (BackendException e) {
            if (e.kind() != BackendException.Kind.NOT_FOUND) {
                throw e;
            }
            tag = backend().createEnvironmentTag(ref.name(), name, value);
        }
        print(this, tag, utc);
        return ExitCodes.OK;
    }

    static void print(EnvironmentCommand cmd, Backend.EnvTag tag, boolean utc) {
        cmd.out().println("Name: " + tag.name());
        cmd.out().println("Value: " + tag.value());
        cmd.out().println("Last updated at " + Times.format(tag.modified(), utc) + " by " + tag.editorLogin()
                + " <" + tag.editorLogin() + ">");
    }

    /** {@code esc env tag get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Get an environment tag.")
    public static final class Get extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<environment>")
        private String env;

        @Parameters(index = "1", paramLabel = "<name>")
        private String name;

        @Option(names = "--utc", description = "display times in UTC")
        private boolean utc;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(env);
            print(this, backend().environmentTag(ref.name(), name), utc);
            return ExitCodes.OK;
        }
    }

    /** {@code esc env tag ls}. */
    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List environment tags.")
    public static final class Ls extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<environment>")
        private String env;

        @Option(names = "--utc", description = "display times in UTC")
        private boolean utc;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(env);
            for (Backend.EnvTag t : backend().environmentTags(ref.name())) {
                print(this, t, utc);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code esc env tag mv}. */
    @Command(name = "mv", mixinStandardHelpOptions = true, description = "Rename an environment tag.")
    public static final class Mv extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<environment>")
        private String env;

        @Parameters(index = "1", paramLabel = "<name>")
        private String name;

        @Parameters(index = "2", paramLabel = "<new-name>")
        private String newName;

        @Option(names = "--utc", description = "display times in UTC")
        private boolean utc;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(env);
            Backend.EnvTag current = backend().environmentTag(ref.name(), name);
            print(this, backend().updateEnvironmentTag(ref.name(), name, newName, current.value()), utc);
            return ExitCodes.OK;
        }
    }

    /** {@code esc env tag rm}. */
    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove an environment tag.")
    public static final class Rm extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<environment>")
        private String env;

        @Parameters(index = "1", paramLabel = "<name>")
        private String name;

        @Override
        public Integer call() {
            EnvironmentRef ref = existingRef(env);
            backend().deleteEnvironmentTag(ref.name(), name);
            return ExitCodes.OK;
        }
    }
}
