package dev.openesc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reaches the {@link Workspace} held by the root command of its tree, or the one it was given
 * directly when it runs without picocli ({@code SimpleForms}).
 */
public abstract class WorkspaceCommand {
    @Spec
    protected CommandSpec spec;

    private Workspace bound;

    /** Runs this command on {@code workspace} rather than on its picocli tree's (no {@link #spec} then). */
    protected final void bind(Workspace workspace) {
        this.bound = workspace;
    }

    protected Workspace workspace() {
        return bound != null ? bound : ((EscCommand) spec.root().userObject()).workspace();
    }

    public java.io.PrintStream out() {
        return workspace().out();
    }

    public java.io.PrintStream err() {
        return workspace().err();
    }
}
