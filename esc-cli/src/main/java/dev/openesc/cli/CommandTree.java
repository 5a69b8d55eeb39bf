package dev.openesc.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Builds the picocli command tree for one command line. picocli reads the annotations of every command it is given
 * (about 0.1 s of start-up for the whole tree), so when the words of the command line name a sub-command of a
 * {@link CommandGroup}, only that one is added: {@code esc env get ...} builds {@code esc}, {@code env} and
 * {@code get}. Anything else (no sub-command, an unknown word, an option, {@code help}, {@code completion}) gets
 * the whole group, so listings, suggestions and errors are the same as with the full tree.
 */
final class CommandTree {
    /** These read the whole tree (help listings, completion scripts). */
    private static final List<Class<?>> NEED_ALL = List.of(HelpCommand.class, CompletionCommand.class);

    private CommandTree() {}

    /** The whole tree. */
    static CommandLine full(Workspace workspace) {
        CommandLine root = new CommandLine(new EscCommand(workspace));
        addSubcommands(root, List.of(), 0);
        return root;
    }

    /** The branch {@code args} runs, or the whole tree when they do not name one. */
    static CommandLine forArgs(Workspace workspace, String[] args) {
        CommandLine root = new CommandLine(new EscCommand(workspace));
        addSubcommands(root, Arrays.asList(args), 0);
        return root;
    }

    private static void addSubcommands(CommandLine parent, List<String> args, int depth) {
        if (!(parent.getCommand() instanceof CommandGroup group)) {
            return;
        }
        String word = depth < args.size() ? args.get(depth) : null;
        Class<?> named = word == null ? null : named(group, word);
        for (Class<?> c : group.subcommands()) {
            if (named == null || c == named) {
                CommandLine sub = new CommandLine(c, parent.getFactory());
                parent.addSubcommand(sub);
                addSubcommands(sub, named == null ? List.of() : args, depth + 1);
            }
        }
    }

    /** The sub-command of {@code group} called {@code word}, or null (a loop: no stream or lambda at start-up). */
    private static Class<?> named(CommandGroup group, String word) {
        for (Class<?> c : group.subcommands()) {
            if (!NEED_ALL.contains(c) && names(c).contains(word)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        String[] all = Arrays.copyOf(c.aliases(), c.aliases().length + 1);
        all[all.length - 1] = c.name();
        return Arrays.asList(all);
    }
}
