package dev.openesc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reaches the {@link Workspace} held by the root command of its tree. */
public abstract class WorkspaceCommand {
    @Spec
    protected CommandSpec spec;

    protected Workspace workspace() {
        return ((EscCommand) spec.root().userObject()).workspace();
    }

    public java.io.PrintStream out() {
        return workspace().out();
    }

    public java.io.PrintStream err() {
        return workspace().err();
    }
}
