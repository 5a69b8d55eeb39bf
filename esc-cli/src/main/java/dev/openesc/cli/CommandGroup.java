package dev.openesc.cli;

import java.util.List;

/**
 * A command whose sub-commands {@link CommandTree} adds, rather than picocli's {@code subcommands} attribute: so
 * that a command line that names one of them builds only that one.
 */
public interface CommandGroup {
    /** The sub-command classes (each annotated with {@code @Command}), in help order. */
    List<Class<?>> subcommands();
}
